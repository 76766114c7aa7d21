using Postern.Mime.Encodings;

namespace Postern.Mime;

/// <summary>A file uuencoded inside a text part (what WebUser shows as an "embedded" attachment).</summary>
public sealed class EmbeddedFile
{
    private readonly UUBlock _block;
    private readonly ReadOnlyMemory<byte> _text;

    internal EmbeddedFile(int number, UUBlock block, ReadOnlyMemory<byte> text)
    {
        Number = number;
        _block = block;
        _text = text;
    }

    /// <summary>The file's number inside its part, from 1 (WebUser's <c>embeddedPart</c>).</summary>
    public int Number { get; }

    /// <summary>The file name from the <c>begin</c> line.</summary>
    public string FileName => _block.FileName;

    /// <summary>The Unix mode from the <c>begin</c> line, in octal.</summary>
    public string Mode => _block.Mode;

    /// <summary>Where the block lies in the part's decoded text.</summary>
    public UUBlock Block => _block;

    /// <summary>The decoded size, from the line-length characters.</summary>
    public int EstimatedSize => _block.EstimateDecodedSize(_text.Span);

    /// <summary>Decodes the file.</summary>
    public byte[] Decode() => UUDecoder.Decode(_text.Span[_block.DataStart.._block.DataEnd]);
}
