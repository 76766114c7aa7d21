using Postern.Mime.Encodings;

namespace Postern.Mime;

/// <summary>How a file embedded in a text part is encoded.</summary>
public enum EmbeddedFileEncoding
{
    /// <summary>POSIX uuencode: <c>begin 644 name</c> … <c>end</c>.</summary>
    UUEncode,

    /// <summary>yEnc: <c>=ybegin … name=…</c> … <c>=yend</c>.</summary>
    YEnc,
}

/// <summary>A file encoded inside a text part, uuencoded or yEnc (what WebUser shows as an "embedded" attachment).</summary>
public sealed class EmbeddedFile
{
    private readonly ReadOnlyMemory<byte> _text;

    internal EmbeddedFile(int number, EmbeddedBlock block, ReadOnlyMemory<byte> text)
    {
        Number = number;
        Block = block;
        _text = text;
    }

    /// <summary>The file's number inside its part, from 1 (WebUser's <c>embeddedPart</c>).</summary>
    public int Number { get; }

    /// <summary>How the file is encoded.</summary>
    public EmbeddedFileEncoding Encoding => Block is YEncBlock ? EmbeddedFileEncoding.YEnc : EmbeddedFileEncoding.UUEncode;

    /// <summary>The file name from the block's first line.</summary>
    public string FileName => Block.FileName;

    /// <summary>The Unix mode from a uuencoded <c>begin</c> line, in octal; empty for yEnc.</summary>
    public string Mode => Block is UUBlock uu ? uu.Mode : "";

    /// <summary>Where the block lies in the part's decoded text; a <see cref="UUBlock"/> or a <see cref="YEncBlock"/>.</summary>
    public EmbeddedBlock Block { get; }

    /// <summary>
    /// Whether this is one part of a file split over several messages (yEnc <c>part=</c>); its bytes are only that
    /// part, starting at <see cref="YEncBlock.PartBegin"/> of the whole file.
    /// </summary>
    public bool IsPart => Block is YEncBlock { IsPart: true };

    /// <summary>The decoded size, from the block's own figures.</summary>
    public int EstimatedSize => Block.EstimateDecodedSize(_text.Span);

    /// <summary>Decodes the file.</summary>
    public byte[] Decode() => Block.Decode(_text.Span, out _);

    /// <summary>Decodes the file and says whether it is damaged: unterminated, or (yEnc) not matching its size or CRC-32.</summary>
    public byte[] Decode(out bool damaged) => Block.Decode(_text.Span, out damaged);
}
