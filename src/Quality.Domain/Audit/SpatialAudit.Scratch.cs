using Quality.Domain.Annotations;
using Quality.Domain.Geometry;
using Quality.Domain.Matching;
using Quality.Domain.RootCauses;

namespace Quality.Domain.Audit;

public sealed partial class SpatialAudit
{
    /// <summary>
    /// The working storage of one item: its objects by side, the sweep's candidates, the scored pairs, the matchings
    /// and outcomes of one comparison after another, and the pool of the evidence rows' strata levels. It grows to the
    /// largest item and is reused item after item, and from one batch's run of items to the next one's (a batch audit
    /// keeps one per run, <see cref="BatchAudit.AddItems"/>), so a frame allocates only what the audit keeps; it is used
    /// by one thread at a time. What is kept (confusion counts, agreements, precision) is copied out, never referenced;
    /// the pool's dictionaries are read-only and hold only the levels asked for.
    /// </summary>
    internal sealed class ItemScratch
    {
        private StrataLevelsPool? _levels;

        // Annotators' drawings of earlier items, ready for the next item's annotators.
        private readonly Stack<Drawings> _spare = [];

        /// <summary>The gold objects of the data type last gathered.</summary>
        public Drawings Gold { get; } = new();

        /// <summary>The annotators who drew objects of the data type last gathered, with them, in ordinal order of annotator.</summary>
        public List<Drawings> Annotators { get; } = [];

        public SweepAndPrune.Sweep Sweep { get; } = new();

        public List<CandidatePair> Candidates { get; } = [];

        public List<ScoredPair> Scored { get; } = [];

        public MatchingScratch Matching { get; } = new();

        public List<ObjectOutcome> Outcomes { get; } = [];

        public ConsensusScratch Consensus { get; } = new();

        /// <summary>Every annotator pair's scored pairs on the item, by <see cref="PairKey"/>.</summary>
        public Dictionary<long, double> Similarities { get; } = [];

        /// <summary>The evidence rows' strata levels, one dictionary for every row with the same; made with the first row.</summary>
        public StrataLevelsPool Levels => _levels ??= new();

        /// <summary>
        /// Splits the item's objects of <paramref name="kind"/> into <see cref="Gold"/> and <see cref="Annotators"/>, each
        /// side's objects in the item's order.
        /// </summary>
        /// <returns>The item's first object of the kind, of any role; null when it has none.</returns>
        public Annotation? Gather(IReadOnlyList<Annotation> annotations, ObjectKind kind)
        {
            Gold.Clear();
            foreach (var drawings in Annotators)
            {
                _spare.Push(drawings);
            }

            Annotators.Clear();
            Annotation? first = null;
            for (var i = 0; i < annotations.Count; i++)
            {
                var annotation = annotations[i];
                if (KindOf(annotation) != kind)
                {
                    continue;
                }

                first ??= annotation;
                if (annotation.Role == AnnotatorRole.Gold)
                {
                    Gold.Add(annotation, kind);
                }
                else if (annotation.Role == AnnotatorRole.Annotator)
                {
                    DrawingsOf(annotation.Annotator).Add(annotation, kind);
                }
            }

            Annotators.Sort(static (x, y) => string.CompareOrdinal(x.Annotator, y.Annotator));
            return first;
        }

        // A search rather than a dictionary: an item has a handful of annotators.
        private Drawings DrawingsOf(string annotator)
        {
            foreach (var drawings in Annotators)
            {
                if (string.Equals(drawings.Annotator, annotator, StringComparison.Ordinal))
                {
                    return drawings;
                }
            }

            var added = _spare.Count > 0 ? _spare.Pop() : new Drawings();
            added.Clear();
            added.Annotator = annotator;
            Annotators.Add(added);
            return added;
        }
    }
}
