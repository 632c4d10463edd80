using Quality.Domain.Agreement.Kappa;

namespace Quality.Domain.Tests.Agreement.Kappa;

/// <summary>
/// The published data sets of /work/shared/reference/statistics-vectors.md §§2–5, each with its source.
/// </summary>
internal static class ReferenceTables
{
    public static ContingencyTable Table(params long[][] counts) =>
        new([.. Enumerable.Range(1, counts.Length).Select(k => k.ToString(System.Globalization.CultureInfo.InvariantCulture))], counts);

    /// <summary>irrCAC <c>cont3x3abstractors</c> (Ectopic, AIU, NIU), Gwet; irrCAC README.</summary>
    public static ContingencyTable Abstractors => Table([13, 0, 0], [0, 20, 7], [0, 4, 56]);

    /// <summary>irrCAC <c>cont4x4diagnosis</c> (afergadis/irrCAC datasets).</summary>
    public static ContingencyTable Diagnosis4x4 => Table([40, 4, 4, 17], [6, 25, 2, 13], [4, 1, 21, 12], [15, 5, 9, 45]);

    /// <summary>SAS PROC FREQ example as recorded in statsmodels test_inter_rater.py.</summary>
    public static ContingencyTable SasExample => Table([0, 4, 1], [0, 8, 0], [0, 1, 5]);

    /// <summary>
    /// R irr <c>anxiety</c>, raters 2 and 3 (statsmodels test_cohens_kappa_irr). irr weights over the levels that
    /// occur (1, 2, 3, 4, 6), so the table lists exactly those.
    /// </summary>
    public static ContingencyTable Anxiety23 => ContingencyTable.FromPairs(
        ["1", "2", "3", "4", "6"],
        Pairs("3 6 4 6 2 4 2 4 3 3 2 3 3 3 2 2 1 3 3 4", "2 1 4 4 3 2 1 6 1 1 1 2 3 3 1 1 3 3 2 2"));

    /// <summary>
    /// irrCAC <c>cac.raw4raters</c>: 12 subjects × 4 raters, categories 1–5, "." missing (irrCAC README;
    /// Gwet 2014 Handbook p. 120).
    /// </summary>
    public static RatingTable Raw4Raters => Raw(
        ["1", "2", "3", "4", "5"],
        "1 1 . 1", "2 2 3 2", "3 3 3 3", "3 3 3 3", "2 2 2 2", "1 2 3 4",
        "4 4 4 4", "1 1 2 1", "2 2 2 2", ". 5 5 5", ". . 1 1", ". . 3 .");

    /// <summary>R irr <c>diagnoses</c> (Fleiss 1971): 30 patients × 6 raters, categories 1–5.</summary>
    public static RatingTable Diagnoses => Raw(
        ["1", "2", "3", "4", "5"],
        "4 4 4 4 4 4", "2 2 2 5 5 5", "2 3 3 3 3 5", "5 5 5 5 5 5", "2 2 2 4 4 4",
        "1 1 3 3 3 3", "3 3 3 3 5 5", "1 1 3 3 3 4", "1 1 4 4 4 4", "5 5 5 5 5 5",
        "1 4 4 4 4 4", "1 2 4 4 4 4", "2 2 2 3 3 3", "1 4 4 4 4 4", "2 2 4 4 4 5",
        "3 3 3 3 3 5", "1 1 1 4 5 5", "1 1 1 1 1 2", "2 2 4 4 4 4", "1 3 3 5 5 5",
        "5 5 5 5 5 5", "2 4 4 4 4 4", "2 2 4 5 5 5", "1 1 4 4 4 4", "1 4 4 4 4 5",
        "2 2 2 2 2 4", "1 1 1 1 5 5", "2 2 4 4 4 4", "1 3 3 3 3 3", "5 5 5 5 5 5");

    /// <summary>Fleiss (1971) worked example as on Wikipedia, recorded in statsmodels test_fleiss_kappa.</summary>
    public static RatingTable FleissWikipedia => Counts(
        [0, 0, 0, 0, 14], [0, 2, 6, 4, 2], [0, 0, 3, 5, 6], [0, 3, 9, 2, 0], [2, 2, 8, 1, 1],
        [7, 7, 0, 0, 0], [3, 2, 6, 3, 0], [2, 5, 3, 2, 2], [6, 5, 2, 1, 0], [0, 2, 2, 3, 7]);

    /// <summary>irrCAC <c>distrib.6raters</c>: 15 subjects × 6 raters, 5 categories (irrCAC README).</summary>
    public static RatingTable Distrib6Raters => Counts(
        [0, 0, 0, 6, 0], [0, 3, 0, 0, 3], [0, 1, 4, 0, 1], [0, 0, 0, 0, 6], [0, 3, 0, 3, 0],
        [2, 0, 4, 0, 0], [0, 0, 4, 0, 2], [2, 0, 3, 1, 0], [2, 0, 0, 4, 0], [0, 0, 0, 0, 6],
        [1, 0, 0, 5, 0], [1, 1, 0, 4, 0], [0, 3, 3, 0, 0], [1, 0, 0, 5, 0], [0, 2, 0, 3, 1]);

    public static RatingTable Counts(params int[][] rows)
    {
        var table = new RatingTable([.. Enumerable.Range(1, rows[0].Length).Select(k => $"c{k}")]);
        foreach (var row in rows)
        {
            table.AddUnit(row);
        }

        return table;
    }

    private static RatingTable Raw(string[] categories, params string[] units)
    {
        var table = new RatingTable(categories);
        foreach (var unit in units)
        {
            table.AddUnit(unit.Split(' ').Where(r => r != "."));
        }

        return table;
    }

    private static IEnumerable<(string, string)> Pairs(string first, string second) =>
        first.Split(' ').Zip(second.Split(' '));
}
