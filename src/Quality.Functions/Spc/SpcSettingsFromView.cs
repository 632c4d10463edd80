namespace Quality.Functions.Spc;

/// <summary>
/// Where each setting of a served chart came from: <c>query</c>, <c>standard name@version</c> (the pipeline's current
/// standard's <c>spc</c> section) or <c>default</c>.
/// </summary>
internal sealed record SpcSettingsFromView(string Rules, string Baseline, string Chart);
