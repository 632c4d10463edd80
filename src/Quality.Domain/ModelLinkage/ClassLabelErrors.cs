using Quality.Domain.Audit;

namespace Quality.Domain.ModelLinkage;

/// <summary>
/// Gold objects of one class compared with annotators' labels, and how many were missed or given another class. One gold
/// object compared with three annotators counts three times, as the confusion matrix counts it.
/// </summary>
public readonly record struct ClassLabelErrors(long Gold, long Missed, long Misclassified)
{
    public long Errors => Missed + Misclassified;

    public ClassLabelErrors Add(ClassLabelErrors other) => new(Gold + other.Gold, Missed + other.Missed, Misclassified + other.Misclassified);

    /// <summary>
    /// Per gold class from a batch's confusion (rows gold classes then <c>none</c>; columns annotator classes then
    /// <c>missed</c>): gold = the row's sum, missed = its <c>missed</c> cell, misclassified = the rest off the diagonal.
    /// </summary>
    public static IReadOnlyDictionary<string, ClassLabelErrors> From(ConfusionView confusion)
    {
        ArgumentNullException.ThrowIfNull(confusion);
        var byClass = new Dictionary<string, ClassLabelErrors>(StringComparer.Ordinal);
        var missedColumn = confusion.Columns.Count - 1;
        for (var r = 0; r < confusion.Rows.Count; r++)
        {
            var gold = confusion.Rows[r];
            if (gold == ConfusionView.None)
            {
                continue;
            }

            var row = confusion.Counts[r];
            var correct = 0L;
            for (var c = 0; c < missedColumn; c++)
            {
                correct += confusion.Columns[c] == gold ? row[c] : 0;
            }

            var total = row.Sum();
            byClass[gold] = new ClassLabelErrors(total, row[missedColumn], total - correct - row[missedColumn]);
        }

        return byClass;
    }
}
