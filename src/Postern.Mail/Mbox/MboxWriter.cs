namespace Postern.Mail.Mbox;

/// <summary>
/// Writes messages as an mboxrd file: a separator line, the message with every line that begins
/// with <c>From </c> after any number of <c>&gt;</c> quoted by one more <c>&gt;</c>, and one line break.
/// </summary>
/// <remarks>
/// The line break after each message is the separator's, which <see cref="MboxStreamReader"/> takes
/// away again: a message ending with a line break is followed by the usual empty line, and one
/// without keeps its last line unterminated, so every message reads back byte for byte (except one
/// ending in a lone CR, which reads back as ending in a CRLF). Messages are copied as streams; only
/// the few bytes at each line start are held back.
/// </remarks>
public sealed class MboxWriter(Stream output)
{
    private static readonly byte[] s_from = "From "u8.ToArray();

    /// <summary>Read size for message streams.</summary>
    private const int ChunkSize = 64 * 1024;

    public async Task WriteAsync(string separator, Stream message, CancellationToken cancellationToken)
    {
        await output.WriteAsync(System.Text.Encoding.UTF8.GetBytes(separator + "\n"), cancellationToken);
        var escaper = new LineStartEscaper();
        var buffer = new byte[ChunkSize];
        var scratch = new MemoryStream();
        int read;
        while ((read = await message.ReadAsync(buffer, cancellationToken)) > 0)
        {
            scratch.SetLength(0);
            escaper.Escape(buffer.AsSpan(0, read), scratch);
            await output.WriteAsync(scratch.GetBuffer().AsMemory(0, (int)scratch.Length), cancellationToken);
        }
        scratch.SetLength(0);
        escaper.Finish(scratch);
        scratch.WriteByte((byte)'\n');
        await output.WriteAsync(scratch.GetBuffer().AsMemory(0, (int)scratch.Length), cancellationToken);
    }

    /// <summary>The per-line state of the escaping, kept across chunk boundaries.</summary>
    private sealed class LineStartEscaper
    {
        private bool _atLineStart = true;
        private int _quotes;
        private int _fromMatched;

        public void Escape(ReadOnlySpan<byte> chunk, Stream sink)
        {
            var i = 0;
            while (i < chunk.Length)
            {
                if (!_atLineStart)
                {
                    var lineBreak = chunk[i..].IndexOf((byte)'\n');
                    var end = lineBreak < 0 ? chunk.Length : i + lineBreak + 1;
                    sink.Write(chunk[i..end]);
                    _atLineStart = lineBreak >= 0;
                    i = end;
                    continue;
                }

                var b = chunk[i];
                if (b == '>' && _fromMatched == 0)
                {
                    _quotes++;
                    i++;
                }
                else if (b == s_from[_fromMatched])
                {
                    i++;
                    if (++_fromMatched == s_from.Length)
                    {
                        sink.WriteByte((byte)'>');
                        Flush(sink);
                    }
                }
                else
                {
                    // Not a From line: write what was held back, then the rest of the line as is.
                    Flush(sink);
                }
            }
        }

        public void Finish(Stream sink) => Flush(sink);

        private void Flush(Stream sink)
        {
            for (var q = 0; q < _quotes; q++)
                sink.WriteByte((byte)'>');
            sink.Write(s_from.AsSpan(0, _fromMatched));
            _quotes = 0;
            _fromMatched = 0;
            _atLineStart = false;
        }
    }
}
