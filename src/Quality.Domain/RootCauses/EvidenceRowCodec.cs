using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;
using Quality.Domain.Annotations;
using Quality.Domain.Audit;

namespace Quality.Domain.RootCauses;

/// <summary>
/// A compact binary form of evidence rows for <see cref="SpilledEvidenceCollection"/>: the names a row repeats (items, kinds,
/// outcomes, annotators, classes, strata and their levels, attributes) are written once and then by their number, up to
/// <see cref="MaxNames"/> of them; object ids are written in full. Not a storage format: read back by the same build, with
/// the writer's table of names, from the start or from any row the writer was at (its <see cref="Writer.Position"/>).
/// </summary>
internal static class EvidenceRowCodec
{
    /// <summary>Names numbered at most: the table's memory stays bounded when a field turns out to be an id.</summary>
    private const int MaxNames = 1 << 16;

    internal sealed class Writer(Stream stream) : IDisposable
    {
        private readonly BinaryWriter _out = new(stream, Encoding.UTF8, leaveOpen: true);
        private readonly Dictionary<string, int> _names = new(StringComparer.Ordinal);

        /// <summary>The names numbered, by their number: the readers' table.</summary>
        private readonly List<string> _numbered = [];

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

        /// <summary>The names numbered so far, by their number; a reader takes them (and does not change them) instead of building its own table.</summary>
        public List<string> Names => _numbered;

        /// <summary>
        /// Where the next row starts: its offset in the stream (<see cref="BinaryWriter"/> keeps no bytes back) and how many
        /// names were numbered before it. A reader started there reads the rows from there on.
        /// </summary>
        public (long Offset, int Names) Position => (stream.Position, _names.Count);

        /// <summary>Flushes; the stream stays open.</summary>
        public void Dispose() => _out.Dispose();

        private void Differences(IReadOnlyDictionary<string, string?[]>? differences)
        {
            _out.Write7BitEncodedInt(differences is null ? 0 : differences.Count + 1);
            if (differences is SortedAttributeDifferences sorted)
            {
                // In place: the audit's rows carry this form, and an enumerator through the interface is an object.
                foreach (var (attribute, values) in sorted.AsSpan())
                {
                    Difference(attribute, values);
                }
            }
            else if (differences is not null)
            {
                foreach (var (attribute, values) in differences)
                {
                    Difference(attribute, values);
                }
            }
        }

        private void Difference(string attribute, string?[] values)
        {
            Name(attribute);
            _out.Write7BitEncodedInt(values.Length);
            foreach (var value in values)
            {
                Name(value);
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
                    _numbered.Add(name);
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

    /// <summary>
    /// Reads what <see cref="Writer"/> wrote (a <see cref="BinaryWriter"/>'s encodings: 7-bit ints, length-prefixed UTF-8,
    /// one-byte booleans, little-endian doubles) from a large buffer as spans: a row costs no virtual call per byte.
    /// Readers of one stream may run on several threads at once: each takes its blocks at its own offset, seeking under a
    /// lock on the stream, and reads ahead of the rows it returns; the caller restores the stream's position.
    /// </summary>
    /// <remarks>
    /// <see cref="Next"/> reads a row into the reader, which is then that row for a tally (<see cref="ITalliedRow"/>):
    /// names are the table's strings and levels the pool's dictionaries, while the object ids stay bytes and the
    /// differences entries of lists, until <see cref="Row"/> makes the row an object.
    /// </remarks>
    /// <param name="stream">What the writer wrote, flushed.</param>
    /// <param name="names">The writer's <see cref="Writer.Names"/>, once it has written every row to be read.</param>
    /// <param name="start">The writer's <see cref="Writer.Position"/> before the first row to read.</param>
    internal sealed class Reader(Stream stream, List<string> names, (long Offset, int Names) start) : ITalliedRow, IDisposable
    {
        private const int BufferBytes = 1 << 16;

        private byte[] _buffer = new byte[BufferBytes];
        private int _at;
        private int _end;

        /// <summary>The stream's offset of the byte after the buffer's last.</summary>
        private long _next = start.Offset;

        /// <summary>How many names the writer had numbered before the next row's next name.</summary>
        private int _known = start.Names;

        /// <summary>The row's levels as they are read, before <see cref="_pool"/> gives their dictionary.</summary>
        private KeyValuePair<string, string>[] _levels = [];

        /// <summary>One dictionary for the rows whose levels are the same names of the table (most rows share theirs with others).</summary>
        private readonly StrataLevelsPool _pool = new();

        // The row read last.
        private string _item = "", _dataType = "", _outcome = "", _annotator = "";
        private string? _goldAnnotator, _goldClass, _annotatorClass;
        private double? _iou, _rangeMetres, _size;
        private CompactDictionary? _strataLevels;

        /// <summary>The row's object ids, UTF-8, one after the other; a length of −1 for a null id.</summary>
        private byte[] _ids = new byte[128];
        private int _goldObjectLength, _annotatorObjectLength;

        /// <summary>The row's differences (−1: null): each attribute with where its values start in <see cref="_differenceValues"/>.</summary>
        private int _differenceCount;
        private readonly List<(string Attribute, int ValuesFrom, int Values)> _differences = [];
        private readonly List<string?> _differenceValues = [];

        /// <summary>The row read last as an object, once asked for.</summary>
        private EvidencePair? _row;

        public string Outcome => _outcome;

        public string Annotator => _annotator;

        public string? GoldClass => _goldClass;

        public double? Iou => _iou;

        public bool HasAttributeDifferences => _differenceCount > 0;

        public CompactDictionary? Levels => _strataLevels;

        public EvidencePair Row => _row ??= new EvidencePair(
            _item, _dataType, _outcome, _goldAnnotator, Id(0, _goldObjectLength), _annotator, Id(Math.Max(_goldObjectLength, 0), _annotatorObjectLength),
            _goldClass, _annotatorClass, _iou, Differences())
        {
            Strata = _strataLevels is null ? null : new ObjectStrata(_strataLevels) { RangeMetres = _rangeMetres, Size = _size },
        };

        /// <summary>Reads the next row into this reader.</summary>
        public void Next()
        {
            _row = null;
            (_item, _dataType, _outcome, _goldAnnotator) = (Name()!, Name()!, Name()!, Name());
            _goldObjectLength = IdBytes(0);
            _annotator = Name()!;
            _annotatorObjectLength = IdBytes(Math.Max(_goldObjectLength, 0));
            (_goldClass, _annotatorClass, _iou) = (Name(), Name(), Number());
            ReadDifferences();
            ReadStrata();
        }

        /// <summary>An id's bytes copied to <see cref="_ids"/> at <paramref name="at"/>; its length, −1 for null.</summary>
        private int IdBytes(int at)
        {
            if (Byte() == 0)
            {
                return -1;
            }

            var bytes = Bytes(Int());
            if (at + bytes.Length > _ids.Length)
            {
                Array.Resize(ref _ids, Math.Max(at + bytes.Length, 2 * _ids.Length));
            }

            bytes.CopyTo(_ids.AsSpan(at));
            return bytes.Length;
        }

        private string? Id(int at, int length) => length < 0 ? null : Encoding.UTF8.GetString(_ids, at, length);

        /// <summary>The differences in the order written: the audit's rows list them in ordinal order of name.</summary>
        private void ReadDifferences()
        {
            _differenceCount = Int() - 1;
            _differences.Clear();
            _differenceValues.Clear();
            for (var i = 0; i < _differenceCount; i++)
            {
                var attribute = Name()!;
                var (from, values) = (_differenceValues.Count, Int());
                for (var v = 0; v < values; v++)
                {
                    _differenceValues.Add(Name());
                }

                _differences.Add((attribute, from, values));
            }
        }

        private SortedAttributeDifferences? Differences()
        {
            if (_differenceCount < 0)
            {
                return null;
            }

            var differences = new KeyValuePair<string, string?[]>[_differenceCount];
            for (var i = 0; i < differences.Length; i++)
            {
                var (attribute, from, values) = _differences[i];
                differences[i] = new(attribute, CollectionsMarshal.AsSpan(_differenceValues).Slice(from, values).ToArray());
            }

            return new SortedAttributeDifferences(differences);
        }

        private void ReadStrata()
        {
            var count = Int() - 1;
            if (count < 0)
            {
                (_strataLevels, _rangeMetres, _size) = (null, null, null);
                return;
            }

            if (_levels.Length < count)
            {
                _levels = new KeyValuePair<string, string>[count];
            }

            for (var i = 0; i < count; i++)
            {
                _levels[i] = new(Name()!, Name()!);
            }

            (_strataLevels, _rangeMetres, _size) = (_pool.Of(_levels.AsSpan(0, count)), Number(), Number());
        }

        private string? Name()
        {
            var code = Int();
            if (code != 1)
            {
                return code == 0 ? null : names[code - 2];
            }

            // Written in full where the writer numbered it (or, past its table, met it): its number is the next one.
            if (_known < MaxNames)
            {
                Bytes(Int());
                return names[_known++];
            }

            return String();
        }

        /// <summary>Nothing to release: the stream stays open.</summary>
        public void Dispose()
        {
        }

        private double? Number() => Byte() != 0 ? BinaryPrimitives.ReadDoubleLittleEndian(Bytes(sizeof(double))) : null;

        private string String() => Encoding.UTF8.GetString(Bytes(Int()));

        /// <summary>A <see cref="BinaryWriter.Write7BitEncodedInt(int)"/>: seven bits a byte, low first, the high bit saying more follow.</summary>
        private int Int()
        {
            uint value = 0;
            for (var shift = 0; shift < 35; shift += 7)
            {
                var b = Byte();
                value |= (uint)(b & 0x7F) << shift;
                if (b < 0x80)
                {
                    return (int)value;
                }
            }

            throw new FormatException("A 7-bit encoded int longer than five bytes.");
        }

        private byte Byte()
        {
            if (_at == _end && Fill(1) < 1)
            {
                throw new EndOfStreamException();
            }

            return _buffer[_at++];
        }

        /// <summary>The next <paramref name="count"/> bytes, consumed.</summary>
        private ReadOnlySpan<byte> Bytes(int count)
        {
            if (_end - _at < count && Fill(count) < count)
            {
                throw new EndOfStreamException();
            }

            var bytes = _buffer.AsSpan(_at, count);
            _at += count;
            return bytes;
        }

        /// <summary>Moves the unread bytes to the buffer's start (growing it for <paramref name="count"/>) and reads until that many are there or the stream ends; returns how many are.</summary>
        private int Fill(int count)
        {
            var unread = _end - _at;
            if (count > _buffer.Length)
            {
                Array.Resize(ref _buffer, Math.Max(count, _buffer.Length * 2));
            }

            _buffer.AsSpan(_at, unread).CopyTo(_buffer);
            (_at, _end) = (0, unread);
            while (_end < count)
            {
                int read;
                lock (stream)
                {
                    stream.Position = _next;
                    read = stream.Read(_buffer, _end, _buffer.Length - _end);
                }

                if (read == 0)
                {
                    break;
                }

                (_end, _next) = (_end + read, _next + read);
            }

            return _end;
        }
    }
}
