namespace Quality.Pipeline;

/// <summary>How the pipeline shards and matches. Defaults suit production.</summary>
public sealed class PipelineOptions
{
    public const string Section = "Pipeline";

    /// <summary>Target size of a shard of the delivered file; the shard count is the blob size over this.</summary>
    public long ShardTargetBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>
    /// Upper bound on shards per run. Each holds an open write buffer during ingest (about 384 KiB), and each Compute
    /// holds one shard's audit: 512 keeps shards at the target size up to 2 GiB, so neither grows with the delivery.
    /// </summary>
    public int MaxShards { get; set; } = 512;

    /// <summary>IoU threshold τ for matching boxes and cuboids (per-class thresholds come with quality standards).</summary>
    public double IouThreshold { get; set; } = Quality.Domain.Matching.MaximumWeightMatching.DefaultThreshold;

    /// <summary>Cuboids are matched on 3D IoU unless this is true (bird's-eye view).</summary>
    public bool CuboidIouBirdsEyeView { get; set; }

    /// <summary>
    /// Reject a delivery whose taxonomy version is not registered, instead of auditing it unchecked (the batch then
    /// says <c>checked: false</c>). Off by default so a new pipeline works before its taxonomy is published; turn it on
    /// where every annotation must be held to a taxonomy.
    /// </summary>
    public bool RequireRegisteredTaxonomy { get; set; }

    /// <summary>How objects are matched: the configured IoU and cuboid mode, with the standard's IoU thresholds when it has any.</summary>
    public Quality.Domain.Audit.SpatialOptions Spatial(Quality.Domain.Standards.QualityStandard? standard = null) => new()
    {
        Thresholds = standard?.Matching ?? new Quality.Domain.Matching.MatchingThresholds { Default = IouThreshold },
        CuboidMode = CuboidIouBirdsEyeView ? Quality.Domain.Geometry.CuboidIouMode.BirdsEyeView : Quality.Domain.Geometry.CuboidIouMode.ThreeD,
    };

    /// <summary>Names this process in run history; defaults to machine and process id.</summary>
    public string HostId { get; set; } = $"{Environment.MachineName}-{Environment.ProcessId}";
}
