namespace Postern.Mime.Parsing;

/// <summary>Reads messages and header blocks from streams into memory, within size caps.</summary>
internal static class StreamReading
{
    private const int ReadSize = 16 * 1024;

    public static async Task<byte[]> ReadAllAsync(Stream stream, int maxSize, CancellationToken cancellationToken)
    {
        if (stream.CanSeek)
        {
            var remaining = stream.Length - stream.Position;
            CheckSize(remaining, maxSize);

            var exact = new byte[remaining];
            await stream.ReadExactlyAsync(exact, cancellationToken).ConfigureAwait(false);
            return exact;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[ReadSize];
        while (true)
        {
            var read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                return buffer.ToArray();
            }

            if (buffer.Length + read > maxSize)
            {
                throw new InvalidDataException($"The message is larger than {maxSize} bytes (MimeLimits.MaxMessageSize).");
            }

            buffer.Write(chunk, 0, read);
        }
    }

    /// <summary>Refuses a message of <paramref name="size"/> bytes when it is over <paramref name="maxSize"/>.</summary>
    /// <exception cref="InvalidDataException">The message is too large.</exception>
    public static void CheckSize(long size, int maxSize)
    {
        if (size > maxSize)
        {
            throw new InvalidDataException($"The message is {size} bytes; the limit is {maxSize} (MimeLimits.MaxMessageSize).");
        }
    }

    /// <summary>Reads up to and including the empty line that ends the header block, or to the end, or to the cap.</summary>
    /// <remarks>
    /// A seekable stream is read in chunks and repositioned just after the header; any other stream is
    /// read a byte at a time so that nothing past the header is consumed.
    /// </remarks>
    public static async Task<byte[]> ReadHeaderBlockAsync(Stream stream, int maxSize, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[stream.CanSeek ? ReadSize : 1];
        while (buffer.Length < maxSize)
        {
            var read = await stream.ReadAsync(chunk.AsMemory(0, (int)Math.Min(chunk.Length, maxSize - buffer.Length)), cancellationToken)
                .ConfigureAwait(false);
            if (read == 0)
            {
                break;
            }

            var searchFrom = (int)Math.Max(0, buffer.Length - 2);
            buffer.Write(chunk, 0, read);
            var end = FindHeaderEnd(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), searchFrom);
            if (end >= 0)
            {
                if (stream.CanSeek)
                {
                    stream.Seek(end - buffer.Length, SeekOrigin.Current);
                }

                buffer.SetLength(end);
                break;
            }
        }

        return buffer.ToArray();
    }

    /// <summary>The offset after the empty line that ends a header block, or -1 when it is not in <paramref name="data"/> yet.</summary>
    private static int FindHeaderEnd(ReadOnlySpan<byte> data, int searchFrom)
    {
        if (searchFrom == 0 && !data.IsEmpty && data[0] == (byte)'\n')
        {
            return 1;
        }

        if (searchFrom == 0 && data.StartsWith("\r\n"u8))
        {
            return 2;
        }

        for (var at = searchFrom; at < data.Length; at++)
        {
            if (data[at] != (byte)'\n')
            {
                continue;
            }

            if (at + 1 < data.Length && data[at + 1] == (byte)'\n')
            {
                return at + 2;
            }

            if (at + 2 < data.Length && data[at + 1] == (byte)'\r' && data[at + 2] == (byte)'\n')
            {
                return at + 3;
            }
        }

        return -1;
    }
}
