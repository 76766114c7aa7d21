using System.Buffers;
using System.Text;

namespace Postern.Mime.Writing;

/// <summary>
/// Writes one header field, folding it at white space so lines stay within 78 characters where the
/// content allows (RFC 5322 §2.1.1: SHOULD 78, MUST 998).
/// </summary>
internal sealed class HeaderLineWriter
{
    /// <summary>RFC 5322 §2.1.1: "Each line of characters SHOULD be no more than 78 characters".</summary>
    public const int PreferredLineLength = 78;

    private readonly IBufferWriter<byte> _output;
    private int _lineLength;
    private bool _lineHasContent;

    public HeaderLineWriter(IBufferWriter<byte> output) => _output = output;

    public void StartField(string name)
    {
        WriteAscii(name);
        WriteAscii(":");
        _lineLength = name.Length + 1;
        _lineHasContent = false;
    }

    /// <summary>
    /// Writes a token with the white space that precedes it; when the line would grow past 78 characters,
    /// folds first (RFC 5322 §2.2.3: a CRLF is inserted before the white space, which unfolding removes).
    /// </summary>
    public void WriteToken(ReadOnlySpan<char> whitespace, ReadOnlySpan<char> token)
    {
        if (whitespace.IsEmpty && _lineHasContent)
        {
            WriteText(token);
            return;
        }

        var ws = whitespace.IsEmpty ? " " : whitespace;
        if (_lineHasContent && _lineLength + ws.Length + Encoding.UTF8.GetByteCount(token) > PreferredLineLength)
        {
            WriteAscii("\r\n");
            _lineLength = 0;
        }

        WriteText(ws);
        WriteText(token);
        _lineHasContent = true;
    }

    public void EndField()
    {
        WriteAscii("\r\n");
        _lineLength = 0;
        _lineHasContent = false;
    }

    private void WriteText(ReadOnlySpan<char> text)
    {
        var count = Encoding.UTF8.GetByteCount(text);
        var span = _output.GetSpan(count);
        Encoding.UTF8.GetBytes(text, span);
        _output.Advance(count);
        _lineLength += count;
    }

    private void WriteAscii(string text) => WriteText(text);
}
