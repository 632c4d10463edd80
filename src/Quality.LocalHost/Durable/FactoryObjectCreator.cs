using DurableTask.Core;

namespace Quality.LocalHost.Durable;

/// <summary>Gives the engine a fresh orchestration or activity object per execution, registered under the function's name.</summary>
internal sealed class FactoryObjectCreator<T> : ObjectCreator<T>
{
    private readonly Func<T> _create;

    public FactoryObjectCreator(string name, Func<T> create)
    {
        Name = name;
        Version = "";
        _create = create;
    }

    public override T Create() => _create();
}
