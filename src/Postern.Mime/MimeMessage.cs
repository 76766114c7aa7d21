using Postern.FileMapping;
using Postern.Mime.Addresses;
using Postern.Mime.Headers;
using Postern.Mime.Parsing;

namespace Postern.Mime;

/// <summary>
/// A parsed message: its header and a tree of parts, all as offsets into the buffer it was parsed from.
/// </summary>
/// <remarks>
/// Parsing never fails: broken structure is recovered from and recorded as <see cref="MimeDefect"/>s,
/// and <see cref="MimeLimits"/> caps every dimension. Nothing is decoded until asked for, so parsing
/// costs one scan of the bytes. The buffer must not change while the message is in use.
/// <para>A message that <see cref="LoadAsync"/> mapped from a large file owns that mapping: dispose it when
/// nothing made from it is used any more. Disposing any other message does nothing.</para>
/// </remarks>
public sealed class MimeMessage : IDisposable
{
    /// <summary>The mapping <see cref="LoadAsync"/> parsed the message from, released on <see cref="Dispose"/>.</summary>
    private IDisposable? _mapping;

    internal MimeMessage(ReadOnlyMemory<byte> source, int offset, int endOffset, MimePart body)
    {
        Source = source;
        Offset = offset;
        EndOffset = endOffset;
        Body = body;
    }

    /// <summary>The buffer the offsets refer to.</summary>
    public ReadOnlyMemory<byte> Source { get; }

    /// <summary>Where the message starts in <see cref="Source"/>.</summary>
    public int Offset { get; }

    /// <summary>Where the message ends in <see cref="Source"/>.</summary>
    public int EndOffset { get; }

    /// <summary>The message's bytes.</summary>
    public ReadOnlyMemory<byte> RawMessage => Source[Offset..EndOffset];

    /// <summary>The body: the root of the part tree. Its header is the message header.</summary>
    public MimePart Body { get; }

    /// <summary>The message header.</summary>
    public HeaderList Headers => Body.Headers;

    /// <summary>The message/rfc822 part this message is embedded in, or null for a top-level message.</summary>
    public MimePart? EnclosingPart => Body.EnclosingMessagePart;

    /// <summary>The decoded Subject, or null.</summary>
    public string? Subject => Headers.GetText("Subject");

    /// <summary>The From addresses.</summary>
    public AddressList From => Headers.GetAddresses("From");

    /// <summary>The To addresses.</summary>
    public AddressList To => Headers.GetAddresses("To");

    /// <summary>The Cc addresses.</summary>
    public AddressList Cc => Headers.GetAddresses("Cc");

    /// <summary>The Date, or null when absent or unreadable.</summary>
    public DateTimeOffset? Date => Headers.GetDate();

    /// <summary>The Message-ID without angle brackets, or null.</summary>
    public string? MessageId => Headers.TryGet("Message-ID", out var header) ? MessageIds.ParseFirst(header.RawValue.Span) : null;

    /// <summary>Parses a message held in memory.</summary>
    public static MimeMessage Parse(ReadOnlyMemory<byte> source, MimeLimits? limits = null) =>
        MimeParser.Parse(source, limits ?? MimeLimits.Default);

    /// <summary>
    /// Reads a whole message from <paramref name="stream"/> and parses it. The rest of a file from
    /// <see cref="MappedFileRange.WorthMappingFrom"/> bytes on is mapped, not read, so its bytes stay out of the heap
    /// and loading completes at once; any other stream is read into memory.
    /// </summary>
    /// <remarks>Dispose the message to release the mapping; its parts may not be used after that.</remarks>
    /// <exception cref="InvalidDataException">The stream holds more than <see cref="MimeLimits.MaxMessageSize"/> bytes.</exception>
    public static async Task<MimeMessage> LoadAsync(Stream stream, MimeLimits? limits, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        limits ??= MimeLimits.Default;
        if (stream is FileStream { CanSeek: true } file && file.Length - file.Position >= MappedFileRange.WorthMappingFrom)
        {
            return Map(file, limits);
        }

        var bytes = await StreamReading.ReadAllAsync(stream, limits.MaxMessageSize, cancellationToken).ConfigureAwait(false);
        return Parse(bytes, limits);
    }

    /// <summary>Releases the file mapping a large message was loaded from; nothing for a message parsed from memory.</summary>
    public void Dispose() => Interlocked.Exchange(ref _mapping, null)?.Dispose();

    /// <summary>Maps the rest of <paramref name="file"/>, parses it, and leaves the file at its end as reading would.</summary>
    private static MimeMessage Map(FileStream file, MimeLimits limits)
    {
        var start = file.Position;
        var length = file.Length - start;
        StreamReading.CheckSize(length, limits.MaxMessageSize);
        var mapping = MappedFileRange.Map(file.SafeFileHandle, start, (int)length);
        try
        {
            var message = Parse(mapping.Memory, limits);
            message._mapping = mapping;
            file.Seek(0, SeekOrigin.End);
            return message;
        }
        catch
        {
            ((IDisposable)mapping).Dispose();
            throw;
        }
    }

    /// <summary>Reads only the header block from <paramref name="stream"/> (up to and including its empty line).</summary>
    /// <remarks>For large stored messages whose header is all that is needed; the stream is left after the header.</remarks>
    public static async Task<HeaderList> ReadHeadersAsync(Stream stream, MimeLimits? limits, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        limits ??= MimeLimits.Default;
        var block = await StreamReading.ReadHeaderBlockAsync(stream, limits.MaxHeaderBlockSize, cancellationToken).ConfigureAwait(false);
        return HeaderList.Parse(block, limits);
    }

    /// <summary>Every part, depth first: the body, its descendants, and the parts of embedded messages.</summary>
    public IEnumerable<MimePart> EnumerateParts() => Body.EnumerateSelfAndDescendants();

    /// <summary>The part with CommuniGate part ID <paramref name="partId"/> ("" is the body), or null.</summary>
    /// <remarks>When a message/rfc822 part and its embedded multipart body share an ID, the message part is answered.</remarks>
    public MimePart? FindPart(string partId)
    {
        ArgumentNullException.ThrowIfNull(partId);
        foreach (var part in EnumerateParts())
        {
            if (part.PartId == partId)
            {
                return part;
            }
        }

        return null;
    }

    /// <summary>Every defect in the message, in part order.</summary>
    public IEnumerable<MimeDefect> EnumerateDefects() => EnumerateParts().SelectMany(p => p.Defects);

    /// <summary>
    /// The part a reader shows as the message text in <paramref name="subtype"/> (<c>plain</c> or <c>html</c>):
    /// the first such text part, depth first, that is not an attachment and not inside an embedded message.
    /// </summary>
    public MimePart? FindTextBody(string subtype)
    {
        ArgumentException.ThrowIfNullOrEmpty(subtype);
        return Find(Body, subtype);

        static MimePart? Find(MimePart part, string subtype)
        {
            if (part.ContentType.Is("text", subtype))
            {
                return part.IsAttachment ? null : part;
            }

            foreach (var child in part.Children)
            {
                if (Find(child, subtype) is { } found)
                {
                    return found;
                }
            }

            return null;
        }
    }
}
