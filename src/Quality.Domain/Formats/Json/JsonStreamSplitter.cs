using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Quality.Domain.Formats.Json;

/// <summary>
/// Walks a JSON document in a stream without loading it: the caller enters the root, steps through object
/// properties, and takes array elements one whole value at a time. Memory is bounded by the largest single element
/// (<see cref="MaxElementBytes"/>), not by the file; nesting is bounded by <see cref="MaxDepth"/>. Every syntax
/// error, oversized element or too-deep nesting is a <see cref="DeliveryFormatException"/> naming the line and byte.
/// </summary>
/// <remarks>
/// A <see cref="Utf8JsonReader"/> runs over a refilling buffer, its <see cref="JsonReaderState"/> carried from one
/// buffer to the next. An element is read with <see cref="Utf8JsonReader.TrySkip"/>; when the buffer ends inside
/// it, the buffer is filled (and doubled when full) and the element is read again from its start, so the cost stays
/// linear in the element's size.
/// </remarks>
internal sealed class JsonStreamSplitter : IDisposable
{
    /// <summary>The largest array element accepted: a larger one is a format error, not an out-of-memory.</summary>
    public const int DefaultMaxElementBytes = 16 << 20;

    /// <summary>Deepest nesting accepted, root included; vendor exports nest 5 to 8 levels.</summary>
    public const int MaxDepth = 64;

    private const int InitialBufferBytes = 64 * 1024;

    /// <summary>Deepest array whose object elements are read plain: their arrays stay far within <see cref="MaxDepth"/>.</summary>
    private const int MaxPlainDepth = 16;

    private static readonly JsonReaderOptions ReaderOptions = new() { MaxDepth = MaxDepth };

    private readonly Stream _stream;
    private readonly long _origin;
    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(InitialBufferBytes);
    private int _start;
    private int _end;
    private bool _eof;
    private long _bufferOffset;
    private long _line = 1;
    private long _readerLineBase;
    private JsonReaderState _state = new(ReaderOptions);
    private long _elementIndex;

    /// <summary>
    /// After an object element that a scanner read: the reader state's byte position in its line, which the next
    /// element read plain must end at too (the state then stands as it would after it), or −1 (read the next one with
    /// the reader).
    /// </summary>
    private int _plainColumn = -1;

    public JsonStreamSplitter(Stream stream, string file, int maxElementBytes = DefaultMaxElementBytes)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentException.ThrowIfNullOrEmpty(file);
        _stream = stream;
        File = file;
        MaxElementBytes = maxElementBytes;
        _origin = stream.CanSeek ? stream.Position : 0;
    }

    public string File { get; }

    public int MaxElementBytes { get; }

    /// <summary>Whether <see cref="Rewind"/> works: the stream is seekable (files and blob streams are).</summary>
    public bool CanRewind => _stream.CanSeek;

    /// <summary>Where the array last entered with <see cref="EnterValueAsync"/> starts.</summary>
    public JsonCheckpoint LastArrayStart { get; private set; }

    /// <summary>Reads the root's first token (a UTF-8 byte order mark is skipped): StartArray or StartObject for a container.</summary>
    public async ValueTask<JsonTokenType> ReadRootAsync(CancellationToken cancellationToken)
    {
        await FillAsync(cancellationToken);
        if (_buffer.AsSpan(_start, _end - _start).StartsWith(Utf8ByteOrderMark))
        {
            _start += Utf8ByteOrderMark.Length;
        }

        return await EnterValueAsync(cancellationToken);
    }

    /// <summary>
    /// Reads the next value's first token: an array or object is entered (its elements or properties come next);
    /// any other value is consumed whole. Returns the token type for the caller to check.
    /// </summary>
    public async ValueTask<JsonTokenType> EnterValueAsync(CancellationToken cancellationToken)
    {
        var token = await NextAsync(wholeValue: false, cancellationToken);
        if (token.Type == JsonTokenType.StartArray)
        {
            _elementIndex = 0;
            LastArrayStart = new JsonCheckpoint(token.ByteOffset, token.Line);
        }

        return token.Type;
    }

    /// <summary>In an object: the next property's name, or null at the object's end.</summary>
    public async ValueTask<string?> ReadPropertyNameAsync(CancellationToken cancellationToken)
    {
        var token = await NextAsync(wholeValue: false, cancellationToken);
        return token.Type switch
        {
            JsonTokenType.PropertyName => token.Name,
            JsonTokenType.EndObject => null,
            _ => throw new InvalidOperationException($"Expected a property name, found {token.Type}: the caller is not in an object."),
        };
    }

    /// <summary>In an array: the next element whole, or null at the array's end.</summary>
    public ValueTask<JsonArrayElement?> ReadElementAsync(CancellationToken cancellationToken) => ReadElementAsync(null, cancellationToken);

    /// <summary>
    /// In an array: the next element whole, or null at the array's end; an object element is read by
    /// <paramref name="scanner"/> in the same pass that checks it (any other element is checked as usual).
    /// </summary>
    public ValueTask<JsonArrayElement?> ReadElementAsync(IJsonElementScanner? scanner, CancellationToken cancellationToken)
    {
        // An element already in the buffer (all but one per refill) is taken without an async state machine.
        if (!TryNext(wholeValue: true, scanner, out var token))
        {
            return ReadElementFilledAsync(scanner, cancellationToken);
        }

        return new(Element(Checked(token)));
    }

    private async ValueTask<JsonArrayElement?> ReadElementFilledAsync(IJsonElementScanner? scanner, CancellationToken cancellationToken) =>
        Element(await NextAsync(wholeValue: true, cancellationToken, scanner));

    private JsonArrayElement? Element(Token token)
    {
        if (token.Type == JsonTokenType.EndArray)
        {
            return null;
        }

        if (token.Type is JsonTokenType.PropertyName or JsonTokenType.EndObject or JsonTokenType.None)
        {
            throw new InvalidOperationException($"Expected an array element, found {token.Type}: the caller is not in an array.");
        }

        return new JsonArrayElement(_buffer.AsMemory(token.Start, token.End - token.Start), _elementIndex++, token.Line, token.ByteOffset);
    }

    /// <summary>Skips the next value, however large, holding at most one of its array elements at a time.</summary>
    public async ValueTask SkipValueAsync(CancellationToken cancellationToken)
    {
        switch (await EnterValueAsync(cancellationToken))
        {
            case JsonTokenType.StartArray:
                await SkipArrayAsync(cancellationToken);
                break;
            case JsonTokenType.StartObject:
                while (await ReadPropertyNameAsync(cancellationToken) is not null)
                {
                    await SkipValueAsync(cancellationToken);
                }

                break;
        }
    }

    /// <summary>In an array: skips the rest of it, one element at a time (each still checked as JSON).</summary>
    public async ValueTask SkipArrayAsync(CancellationToken cancellationToken)
    {
        while (await ReadElementAsync(cancellationToken) is not null)
        {
        }
    }

    /// <summary>After the root value: only white space may follow.</summary>
    public async ValueTask ReadEndAsync(CancellationToken cancellationToken)
    {
        var token = await NextAsync(wholeValue: false, cancellationToken);
        if (token.Type != JsonTokenType.None)
        {
            throw new DeliveryFormatException(File, token.Line, null, $"unexpected {token.Type} at byte {token.ByteOffset} after the end of the document");
        }
    }

    /// <summary>
    /// Goes back to <paramref name="checkpoint"/> (from <see cref="LastArrayStart"/>): the value there is read as
    /// if it were the root. Needs <see cref="CanRewind"/>.
    /// </summary>
    public void Rewind(JsonCheckpoint checkpoint)
    {
        if (!CanRewind)
        {
            throw new InvalidOperationException("The stream is not seekable; check CanRewind first.");
        }

        _stream.Position = _origin + checkpoint.ByteOffset;
        _start = _end = 0;
        _eof = false;
        _bufferOffset = checkpoint.ByteOffset;
        _line = checkpoint.Line;
        _readerLineBase = checkpoint.Line - 1;
        _state = new JsonReaderState(ReaderOptions);
        _plainColumn = -1;
    }

    public void Dispose()
    {
        if (_buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = [];
        }

        _stream.Dispose();
    }

    private static ReadOnlySpan<byte> Utf8ByteOrderMark => [0xEF, 0xBB, 0xBF];

    private async ValueTask<Token> NextAsync(bool wholeValue, CancellationToken cancellationToken, IJsonElementScanner? scanner = null)
    {
        Token token;
        while (!TryNext(wholeValue, scanner, out token))
        {
            if (_end - _start > MaxElementBytes)
            {
                throw TooLarge(_line, _bufferOffset + _start);
            }

            if (_eof)
            {
                throw new DeliveryFormatException(File, _line, null, $"ends inside the value starting near byte {_bufferOffset + _start}");
            }

            await FillAsync(cancellationToken);
        }

        return Checked(token);
    }

    /// <summary><paramref name="token"/>, unless it is larger than <see cref="MaxElementBytes"/>.</summary>
    /// <remarks>The pool may hand out a buffer larger than asked for, so a value can fit whole and still be too large.</remarks>
    private Token Checked(Token token) =>
        token.End - token.Start > MaxElementBytes ? throw TooLarge(token.Line, token.ByteOffset) : token;

    private DeliveryFormatException TooLarge(long line, long byteOffset) =>
        new(File, line, null, $"the value starting near byte {byteOffset} is larger than {MaxElementBytes} bytes; split it into smaller records");

    /// <summary>One token from the buffer, or false when the buffer ends first; commits the reader's progress.</summary>
    // Compiled optimised at its first call, not left in tier-0 code by a one-shot audit: runs once per token of the file.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool TryNext(bool wholeValue, IJsonElementScanner? scanner, out Token token)
    {
        token = default;
        if (wholeValue && scanner is not null && _plainColumn >= 0 && TryPlainElement(scanner, out token))
        {
            return true;
        }

        _plainColumn = -1;
        var reader = new Utf8JsonReader(_buffer.AsSpan(_start, _end - _start), _eof, _state);
        try
        {
            if (!reader.Read())
            {
                if (!_eof)
                {
                    return false;
                }

                token = new Token(JsonTokenType.None, _end, _end, null, _line, _bufferOffset + _end);
                Commit(ref reader);
                return true;
            }

            var type = reader.TokenType;
            var start = _start + (int)reader.TokenStartIndex;
            if (wholeValue && type is JsonTokenType.StartObject or JsonTokenType.StartArray
                && !(type == JsonTokenType.StartObject && scanner is not null ? scanner.TryScan(ref reader) : reader.TrySkip()))
            {
                return false;
            }

            var name = type == JsonTokenType.PropertyName ? reader.GetString() : null;
            var line = _line + _buffer.AsSpan(_start, start - _start).Count((byte)'\n');
            token = new Token(type, start, _start + (int)reader.BytesConsumed, name, line, _bufferOffset + start);
            if (wholeValue && scanner is not null && type == JsonTokenType.StartObject && reader.CurrentDepth <= MaxPlainDepth)
            {
                _plainColumn = ColumnAfter(_buffer.AsSpan(_start, (int)reader.BytesConsumed));
            }

            Commit(ref reader);
            return true;
        }
        catch (JsonException ex)
        {
            throw InvalidJson(ex);
        }
        catch (InvalidOperationException ex)
        {
            // GetString on a property name that is not valid UTF-8.
            throw new DeliveryFormatException(File, _line, null, $"a property name near byte {_bufferOffset + _start} is not valid UTF-8", ex);
        }
    }

    /// <summary>
    /// The next element when it is <c>, {…}</c> with an object the scanner reads plain (<see cref="IJsonElementScanner.ScanPlain"/>)
    /// ending at <see cref="_plainColumn"/>: the reader's state after it is the state after the last element but for
    /// the line count, which <see cref="_readerLineBase"/> takes, so the state is kept and any later error reads as
    /// before. False leaves the element to the reader.
    /// </summary>
    private bool TryPlainElement(IJsonElementScanner scanner, out Token token)
    {
        token = default;
        var data = _buffer.AsSpan(_start, _end - _start);
        var cursor = new PlainJsonCursor(data, 0);
        if (!cursor.Take((byte)',') || cursor.Peek() != (byte)'{')
        {
            return false;
        }

        var start = cursor.Position;
        var length = scanner.ScanPlain(data[start..]);
        if (length == 0 || ColumnAfter(data[..(start + length)]) != _plainColumn)
        {
            return false;
        }

        var before = data[..start].Count((byte)'\n');
        var lines = before + data.Slice(start, length).Count((byte)'\n');
        token = new Token(JsonTokenType.StartObject, _start + start, _start + start + length, null, _line + before, _bufferOffset + _start + start);
        _line += lines;
        _readerLineBase += lines;
        _start += start + length;
        return true;
    }

    /// <summary>The reader's byte position in its line after <paramref name="consumed"/>, when it holds a line break; else −1.</summary>
    private static int ColumnAfter(ReadOnlySpan<byte> consumed) =>
        consumed.LastIndexOf((byte)'\n') is var newline and >= 0 ? consumed.Length - newline - 1 : -1;

    private void Commit(ref Utf8JsonReader reader)
    {
        var consumed = (int)reader.BytesConsumed;
        _line += _buffer.AsSpan(_start, consumed).Count((byte)'\n');
        _start += consumed;
        _state = reader.CurrentState;
    }

    private DeliveryFormatException InvalidJson(JsonException ex)
    {
        var line = _readerLineBase + (ex.LineNumber ?? 0) + 1;
        var message = ex.Message;
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal) is var path and > 0
            ? path
            : message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        var reason = (cut > 0 ? message[..cut] : message).TrimEnd('.', ' ');
        return new DeliveryFormatException(File, line, null, $"invalid JSON at byte {ex.BytePositionInLine ?? 0} of the line: {reason}", ex);
    }

    /// <summary>Moves unread bytes to the front, doubles a full buffer, and reads until it is full or the stream ends.</summary>
    private async ValueTask FillAsync(CancellationToken cancellationToken)
    {
        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _bufferOffset += _start;
            _end -= _start;
            _start = 0;
        }

        if (_end == _buffer.Length)
        {
            var larger = ArrayPool<byte>.Shared.Rent(Math.Min(_buffer.Length * 2, MaxElementBytes + InitialBufferBytes));
            Buffer.BlockCopy(_buffer, 0, larger, 0, _end);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = larger;
        }

        // Filling the buffer whole, not taking one short read, keeps re-reads of a large element rare.
        while (_end < _buffer.Length && !_eof)
        {
            var read = await _stream.ReadAsync(_buffer.AsMemory(_end), cancellationToken);
            _eof = read == 0;
            _end += read;
        }
    }

    private readonly record struct Token(JsonTokenType Type, int Start, int End, string? Name, long Line, long ByteOffset);
}
