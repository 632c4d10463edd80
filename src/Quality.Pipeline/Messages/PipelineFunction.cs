namespace Quality.Pipeline.Messages;

/// <summary>The queue-triggered functions, named as their function.json folders are.</summary>
public enum PipelineFunction
{
    OnBatchArrived,
    Ingest,
    Compute,
    Finalize,
}
