using System.Text;
using Quality.Domain.Annotations;
using Quality.Domain.Audit;

namespace Quality.Domain.RootCauses;

/// <summary>
/// A compact binary form of evidence rows for <see cref="SpilledEvidenceCollection"/>: the names a row repeats (items, kinds,
/// outcomes, annotators, classes, strata and their levels, attributes) are written once and then by their number, up to
/// <see cref="MaxNames"/> of them; object ids are written in full. Not a storage format: read back by the same build.
/// </summary>
internal static class EvidenceRowCodec
{
    /// <summary>Names numbered at most: the table's memory stays bounded when a field turns out to be an id.</summary>
    private const int MaxNames = 1 << 16;

    internal sealed class Writer(Stream stream) : IDisposable
    {
        private readonly BinaryWriter _out = new(stream, Encoding.UTF8, leaveOpen: true);
        private readonly Dictionary<string, int> _names = new(StringComparer.Ordinal);

        /// <summary><see cref="_names"/> by the identity of the name's string: a row's names mostly without hashing.</summary>
        private readonly IdentityCache<int> _recent = new();

        public void Write(EvidencePair row)
        {
            Name(row.Item);
            Name(row.DataType);
            Name(row.Outcome);
            Name(row.GoldAnnotator);
            Text(row.GoldObject);
            Name(row.Annotator);
            Text(row.AnnotatorObject);
            Name(row.GoldClass);
            Name(row.AnnotatorClass);
            Number(row.Iou);
            Differences(row.AttributeDifferences);
            Strata(row.Strata);
        }

        public void Flush() => _out.Flush();

        /// <summary>Flushes; the stream stays open.</summary>
        public void Dispose() => _out.Dispose();

        private void Differences(IReadOnlyDictionary<string, string?[]>? differences)
        {
            _out.Write7BitEncodedInt(differences is null ? 0 : differences.Count + 1);
            foreach (var (attribute, values) in differences ?? new Dictionary<string, string?[]>())
            {
                Name(attribute);
                _out.Write7BitEncodedInt(values.Length);
                foreach (var value in values)
                {
                    Name(value);
                }
            }
        }

        private void Strata(ObjectStrata? strata)
        {
            if (strata is null)
            {
                _out.Write7BitEncodedInt(0);
                return;
            }

            var levels = CompactDictionary.EntriesOf(strata.Levels);
            _out.Write7BitEncodedInt(levels.Length + 1);
            foreach (var (stratum, level) in levels)
            {
                Name(stratum);
                Name(level);
            }

            Number(strata.RangeMetres);
            Number(strata.Size);
        }

        /// <summary>0 for null, 1 and the text for a name not numbered yet, else its number + 2.</summary>
        private void Name(string? name)
        {
            if (name is null)
            {
                _out.Write7BitEncodedInt(0);
            }
            else if (_recent.TryGet(name, null, 0, out var number))
            {
                _out.Write7BitEncodedInt(number + 2);
            }
            else if (_names.TryGetValue(name, out number))
            {
                _recent.Set(name, null, 0, number);
                _out.Write7BitEncodedInt(number + 2);
            }
            else
            {
                _out.Write7BitEncodedInt(1);
                _out.Write(name);
                if (_names.Count < MaxNames)
                {
                    _names.Add(name, _names.Count);
                }
            }
        }

        private void Text(string? text)
        {
            _out.Write(text is not null);
            if (text is not null)
            {
                _out.Write(text);
            }
        }

        private void Number(double? value)
        {
            _out.Write(value.HasValue);
            if (value is { } v)
            {
                _out.Write(v);
            }
        }
    }

    internal sealed class Reader(Stream stream) : IDisposable
    {
        private readonly BinaryReader _in = new(stream, Encoding.UTF8, leaveOpen: true);
        private readonly List<string> _names = [];

        public EvidencePair Read() => new(Name()!, Name()!, Name()!, Name(), Text(), Name()!, Text(), Name(), Name(), Number(), Differences())
        {
            Strata = Strata(),
        };

        private Dictionary<string, string?[]>? Differences()
        {
            var count = _in.Read7BitEncodedInt() - 1;
            if (count < 0)
            {
                return null;
            }

            var differences = new Dictionary<string, string?[]>(count, StringComparer.Ordinal);
            for (var i = 0; i < count; i++)
            {
                var attribute = Name()!;
                var values = new string?[_in.Read7BitEncodedInt()];
                for (var v = 0; v < values.Length; v++)
                {
                    values[v] = Name();
                }

                differences.Add(attribute, values);
            }

            return differences;
        }

        private ObjectStrata? Strata()
        {
            var count = _in.Read7BitEncodedInt() - 1;
            if (count < 0)
            {
                return null;
            }

            var levels = new KeyValuePair<string, string>[count];
            for (var i = 0; i < count; i++)
            {
                levels[i] = new(Name()!, Name()!);
            }

            return new ObjectStrata(new CompactDictionary(levels)) { RangeMetres = Number(), Size = Number() };
        }

        private string? Name()
        {
            var code = _in.Read7BitEncodedInt();
            if (code != 1)
            {
                return code == 0 ? null : _names[code - 2];
            }

            var name = _in.ReadString();
            if (_names.Count < MaxNames)
            {
                _names.Add(name);
            }

            return name;
        }

        /// <summary>The stream stays open.</summary>
        public void Dispose() => _in.Dispose();

        private string? Text() => _in.ReadBoolean() ? _in.ReadString() : null;

        private double? Number() => _in.ReadBoolean() ? _in.ReadDouble() : null;
    }
}
