using System.Buffers.Text;
using System.Runtime.CompilerServices;
using System.Text;
using Postern.Mail.Messages;
using Postern.Mime.Headers;

namespace Postern.Mail.Mbox;

/// <summary>
/// Reads the messages of an mbox file of any size from a stream, holding one message (and one read
/// buffer) in memory at a time.
/// </summary>
/// <remarks>
/// <para>A message starts after every line beginning with <c>From </c>; the line break before that
/// line, and the last line break of the file, belong to the separator, not to the message (mboxrd, as
/// written by mutt, Thunderbird and <see cref="MboxWriter"/>, whose messages end with an empty line). Lines of the body that begin with <c>&gt;From </c>, <c>&gt;&gt;From </c>…
/// lose one <c>&gt;</c> (mboxrd unescaping).</para>
/// <para>A message whose header has a <c>Content-Length</c> that ends its body exactly at the end of
/// the file or at a separator line is cut there instead (the mboxcl flavour of Solaris and some
/// Netscape versions, whose bodies keep unescaped <c>From </c> lines); such a body is not unescaped.</para>
/// <para>A message larger than <see cref="MaxMessageSize"/> is skipped, counted in
/// <see cref="SkippedMessages"/>, and never held in memory.</para>
/// </remarks>
public sealed class MboxStreamReader(Stream stream)
{
    /// <summary>Bytes read per call: large enough for few system calls, small next to the message limit.</summary>
    private const int ReadSize = 1 << 20;

    /// <summary>A header block longer than this has no Content-Length we would trust (Mime reads header blocks up to 1 MiB).</summary>
    private const int MaxHeaderBlockSize = 1 << 20;

    private static readonly byte[] s_separator = "\nFrom "u8.ToArray();
    private static readonly byte[] s_lineBreak = "\n"u8.ToArray();

    private byte[] _buffer = new byte[2 * ReadSize];
    private int _start;
    private int _end;
    private long _consumed;
    private bool _endOfFile;

    /// <summary>The largest message returned; larger ones are skipped.</summary>
    public int MaxMessageSize { get; init; } = MessageLimits.MaxMessageSize;

    /// <summary>How many messages were skipped for being larger than <see cref="MaxMessageSize"/>.</summary>
    public int SkippedMessages { get; private set; }

    /// <summary>How many bytes of the stream have been consumed (for progress).</summary>
    public long Position => _consumed + _start;

    /// <exception cref="MailException">The stream is not empty but has no separator line: it is not an mbox file.</exception>
    public async IAsyncEnumerable<MboxEntry> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // Enough for a byte-order mark and "From ", however small the reads are.
        await EnsureAsync(8, cancellationToken);
        if (Data.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
            _start += 3;
        if (!Data.StartsWith("From "u8) && !await SkipToSeparatorAsync(cancellationToken))
        {
            if (Position > 3)
                throw new MailException("this is not an mbox file: no line starts with \"From \"");
            yield break;
        }

        while (_start < _end || !_endOfFile)
        {
            var separatorOffset = Position;
            var lineEnd = await IndexOfAsync(s_lineBreak, 0, MaxHeaderBlockSize, cancellationToken);
            if (lineEnd == -1)
                yield break;
            if (lineEnd == -2)
            {
                // A "separator" a megabyte long is garbage, not a message.
                SkippedMessages++;
                if (!await SkipToSeparatorAsync(cancellationToken))
                    yield break;
                continue;
            }
            var separator = Encoding.UTF8.GetString(Data[..lineEnd]).TrimEnd('\r');
            var messageStart = lineEnd + 1;

            var (messageEnd, next, unescape) = await FindMessageEndAsync(messageStart, cancellationToken);
            if (messageEnd < 0)
            {
                SkippedMessages++;
                if (!await SkipToSeparatorAsync(cancellationToken))
                    yield break;
                continue;
            }

            var body = Data[messageStart..messageEnd];
            var content = unescape ? Unescape(body) : body.ToArray();
            _start += next;
            // Two separators in a row hold no message.
            if (content.Length > 0)
                yield return new MboxEntry(separator, content, separatorOffset);
        }
    }

    private ReadOnlySpan<byte> Data => _buffer.AsSpan(_start, _end - _start);

    /// <summary>
    /// Where the message starting at <paramref name="messageStart"/> (relative to the separator)
    /// ends, where the next separator starts, and whether the body needs mboxrd unescaping;
    /// an end of -1 when the message is too large.
    /// </summary>
    private async Task<(int End, int Next, bool Unescape)> FindMessageEndAsync(int messageStart, CancellationToken cancellationToken)
    {
        var limit = Add(messageStart, MaxMessageSize);
        if (await ContentLengthEndAsync(messageStart, limit, cancellationToken) is { } counted)
            return counted;

        var separator = await IndexOfAsync(s_separator, messageStart - 1, Add(limit, 1), cancellationToken);
        if (separator == -2)
            return (-1, 0, false);
        if (separator >= 0)
            return (WithoutLineBreakBefore(messageStart, separator + 1), separator + 1, true);

        // The last message: the file's final line break closes it the way a separator's would.
        return (WithoutLineBreakBefore(messageStart, _end - _start), _end - _start, true);
    }

    /// <summary>The message's end when its Content-Length lands on a separator line or the end of the file; else null.</summary>
    private async Task<(int End, int Next, bool Unescape)?> ContentLengthEndAsync(int messageStart, int limit, CancellationToken cancellationToken)
    {
        var bodyStart = await BodyStartAsync(messageStart, Math.Min(limit, Add(messageStart, MaxHeaderBlockSize)), cancellationToken);
        if (bodyStart < 0 || !HasContentLengthField(Data[messageStart..bodyStart]))
            return null;

        var headers = HeaderList.Parse(Data[messageStart..bodyStart].ToArray());
        var value = headers.TryGet("Content-Length", out var field) ? field.RawValue.Span.Trim(" \t\r\n"u8) : [];
        if (!Utf8Parser.TryParse(value, out long length, out var used) || used != value.Length || length < 0 || bodyStart + length > limit)
            return null;

        var end = bodyStart + (int)length;
        await EnsureAsync(end + "\r\nFrom ".Length, cancellationToken);
        if (end > Data.Length)
            return null;
        var after = Data[end..];
        if (after.IsEmpty)
            return (end, end, false);
        var lineBreak = after.StartsWith("\r\n"u8) ? 2 : after.StartsWith("\n"u8) ? 1 : 0;
        return lineBreak > 0 && after[lineBreak..].StartsWith("From "u8) ? (end, end + lineBreak, false) : null;
    }

    /// <summary>
    /// Where the body of the message at <paramref name="messageStart"/> starts (after the empty line
    /// ending its header), or -1 when its header runs into the next separator, the end of the file
    /// or <paramref name="limit"/>.
    /// </summary>
    private async Task<int> BodyStartAsync(int messageStart, int limit, CancellationToken cancellationToken)
    {
        var lineStart = messageStart;
        while (true)
        {
            await EnsureAsync(lineStart + "\r\n".Length, cancellationToken);
            var rest = Data[Math.Min(lineStart, Data.Length)..];
            if (rest.StartsWith("\n"u8))
                return lineStart + 1;
            if (rest.StartsWith("\r\n"u8))
                return lineStart + 2;
            if (rest.StartsWith("From "u8) && lineStart > messageStart)
                return -1;
            var lineEnd = await IndexOfAsync(s_lineBreak, lineStart, limit, cancellationToken);
            if (lineEnd < 0)
                return -1;
            lineStart = lineEnd + 1;
        }
    }

    /// <summary>Whether a header block has a line starting with <c>Content-Length:</c> (any letter case): a cheap test before parsing it.</summary>
    private static bool HasContentLengthField(ReadOnlySpan<byte> headerBlock)
    {
        for (var line = 0; line < headerBlock.Length;)
        {
            var rest = headerBlock[line..];
            if (rest.Length >= 15 && Ascii.EqualsIgnoreCase(rest[..15], "Content-Length:"u8))
                return true;
            var next = rest.IndexOf((byte)'\n');
            if (next < 0)
                return false;
            line += next + 1;
        }
        return false;
    }

    /// <summary><paramref name="end"/> moved back over one line break (LF or CRLF), not before <paramref name="start"/>.</summary>
    private int WithoutLineBreakBefore(int start, int end)
    {
        var data = Data;
        if (end > start && data[end - 1] == '\n')
            end--;
        else
            return end;
        if (end > start && data[end - 1] == '\r')
            end--;
        return end;
    }

    /// <summary>mboxrd: a line <c>&gt;…&gt;From </c> loses one <c>&gt;</c>.</summary>
    private static byte[] Unescape(ReadOnlySpan<byte> body)
    {
        var output = new byte[body.Length];
        var written = 0;
        var lineStart = 0;
        while (lineStart < body.Length)
        {
            var lineLength = body[lineStart..].IndexOf((byte)'\n');
            var line = lineLength < 0 ? body[lineStart..] : body.Slice(lineStart, lineLength + 1);
            var quotes = line.IndexOfAnyExcept((byte)'>');
            if (quotes > 0 && line[quotes..].StartsWith("From "u8))
                line = line[1..];
            line.CopyTo(output.AsSpan(written));
            written += line.Length;
            lineStart += lineLength < 0 ? body.Length - lineStart : lineLength + 1;
        }
        return written == output.Length ? output : output[..written];
    }

    /// <summary>Drops data up to the next separator line; false when the file ends first.</summary>
    private async Task<bool> SkipToSeparatorAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var hit = Data.IndexOf(s_separator);
            if (hit >= 0)
            {
                _start += hit + 1;
                return true;
            }
            // Keep the tail that may be the start of a separator split by the read.
            _start = Math.Max(_start, _end - (s_separator.Length - 1));
            if (_endOfFile)
            {
                _start = _end;
                return false;
            }
            await FillAsync(cancellationToken);
        }
    }

    /// <summary>
    /// The offset (relative to the current separator) of <paramref name="pattern"/> at or after
    /// <paramref name="from"/>, reading on as needed; -1 at the end of the file, -2 when it is not
    /// found before <paramref name="limit"/> bytes.
    /// </summary>
    private async Task<int> IndexOfAsync(byte[] pattern, int from, int limit, CancellationToken cancellationToken)
    {
        from = Math.Max(from, 0);
        while (true)
        {
            var data = Data;
            var searchEnd = Math.Min(data.Length, Add(limit, pattern.Length));
            if (from < searchEnd)
            {
                var hit = data[from..searchEnd].IndexOf(pattern);
                if (hit >= 0)
                    return from + hit;
            }
            if (data.Length >= Add(limit, pattern.Length) || from > limit)
                return -2;
            if (_endOfFile)
                return -1;
            from = Math.Max(from, data.Length - pattern.Length + 1);
            await FillAsync(cancellationToken);
        }
    }

    /// <summary>A sum of offsets that saturates instead of overflowing (limits may be int.MaxValue).</summary>
    private static int Add(int offset, int length) => (int)Math.Min((long)offset + length, int.MaxValue);

    /// <summary>Reads until <paramref name="length"/> bytes from the current separator are buffered, or the file ends.</summary>
    private async Task EnsureAsync(int length, CancellationToken cancellationToken)
    {
        while (_end - _start < length && !_endOfFile)
            await FillAsync(cancellationToken);
    }

    /// <summary>Reads one more block, first moving the unread data to the front of the buffer (or into a larger one).</summary>
    private async Task FillAsync(CancellationToken cancellationToken)
    {
        var unread = _end - _start;
        if (_buffer.Length - unread < ReadSize)
        {
            var bigger = new byte[Math.Max(_buffer.Length * 2, unread + ReadSize)];
            Array.Copy(_buffer, _start, bigger, 0, unread);
            _buffer = bigger;
        }
        else if (_start > 0)
        {
            Array.Copy(_buffer, _start, _buffer, 0, unread);
        }
        _consumed += _start;
        _start = 0;
        _end = unread;

        var read = await stream.ReadAsync(_buffer.AsMemory(_end, Math.Min(ReadSize, _buffer.Length - _end)), cancellationToken);
        if (read == 0)
            _endOfFile = true;
        _end += read;
    }
}
