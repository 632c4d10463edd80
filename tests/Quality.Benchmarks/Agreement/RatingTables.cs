using System.Globalization;
using System.Text;

namespace Quality.Benchmarks.Agreement;

/// <summary>
/// Issue 20's alpha input, written with a fixed seed: units × coders nominal ratings from a latent class model. Each
/// unit has a true category, uniform over <see cref="Categories"/>; each coder's value is missing with probability 0.1,
/// else the true category with probability 0.8, else one of the other categories, uniformly. Written twice from the
/// same draws: the long table <c>item,annotator,field,value</c> that <c>quality audit</c> reads (24 bytes a row,
/// 108 MB for 1,000,000 units × 5 coders), and the wide table <c>item_id,a1,…,a5</c> (empty cell = missing) a data
/// scientist's numpy code reads.
/// </summary>
internal sealed record RatingTables(string Long, string Wide)
{
    public const int Categories = 10;
    public const double Missing = 0.1;
    public const double Agreement = 0.8;
    public const string Field = "value";

    /// <summary>Writes both tables into <paramref name="folder"/>, or reuses them when a previous run wrote them (same name, same seed).</summary>
    public static RatingTables Write(string folder, int units, int coders, int seed)
    {
        Directory.CreateDirectory(folder);
        var name = string.Create(CultureInfo.InvariantCulture, $"ratings-{units}x{coders}-seed{seed}");
        var tables = new RatingTables(Path.Combine(folder, name + "-long.csv"), Path.Combine(folder, name + "-wide.csv"));
        if (File.Exists(tables.Long) && File.Exists(tables.Wide))
        {
            return tables;
        }

        var random = new Random(seed);
        var names = Enumerable.Range(1, coders).Select(c => "a" + c.ToString(CultureInfo.InvariantCulture)).ToArray();
        using var longTable = new StreamWriter(tables.Long + ".tmp", false, new UTF8Encoding(false), 1 << 20);
        using var wideTable = new StreamWriter(tables.Wide + ".tmp", false, new UTF8Encoding(false), 1 << 20);
        longTable.Write("item,annotator,field,value\n");
        wideTable.Write("item_id," + string.Join(',', names) + "\n");
        for (var u = 1; u <= units; u++)
        {
            var item = string.Create(CultureInfo.InvariantCulture, $"item{u:D7}");
            var truth = random.Next(Categories);
            wideTable.Write(item);
            foreach (var coder in names)
            {
                wideTable.Write(',');
                if (random.NextDouble() < Missing)
                {
                    continue;
                }

                var value = random.NextDouble() < Agreement ? truth : (truth + 1 + random.Next(Categories - 1)) % Categories;
                var label = "c" + value.ToString(CultureInfo.InvariantCulture);
                wideTable.Write(label);
                longTable.Write($"{item},{coder},{Field},{label}\n");
            }

            wideTable.Write('\n');
        }

        longTable.Close();
        wideTable.Close();
        File.Move(tables.Long + ".tmp", tables.Long);
        File.Move(tables.Wide + ".tmp", tables.Wide);
        return tables;
    }
}
