namespace Quality.Functions.Access;

/// <summary>What the route table says of one HTTP function: the least role that may call it, and what it does.</summary>
internal sealed record ApiRoute(QualityRole Role, string Summary);
