using System.Buffers;
using System.Globalization;
using System.Text.Unicode;
using System.Xml;

namespace Postern.Ximss.Protocol.Xml;

/// <summary>Writes XIMSS XML as UTF-8 straight into an <see cref="IBufferWriter{T}"/>.</summary>
/// <remarks>
/// <para>Element and attribute names are the caller's (checked, never escaped); text and attribute
/// values are escaped. Characters XML 1.0 forbids are written as U+FFFD (see docs/ximss.md
/// § Writing XML). A <c>null</c> attribute value writes no attribute, so optional attributes need no
/// <c>if</c> at the call site.</para>
/// <para>By default the writer adds no framing: after a top-level message, call <see cref="WriteFrameTerminator"/>
/// for the TCP channel, or wrap messages in <c>&lt;XIMSS&gt;</c> for the HTTP binding
/// (<see cref="DataMessages.HttpContainerWriter"/>). With <see cref="TerminateMessages"/> set, every
/// top-level message is followed by its zero byte as it closes, so code that writes messages need not
/// know which transport carries them. Reuse one writer per connection with <see cref="Reset"/>.</para>
/// </remarks>
public sealed class XimssXmlWriter
{
    // Large text is transcoded in slices so one call never asks the buffer writer for megabytes at once.
    private const int TranscodeSliceChars = 4096;
    private const int MaxUtf8BytesPerChar = 3;

    private IBufferWriter<byte> _output;
    private string[] _open = new string[8];
    private int _depth;
    private bool _inStartTag;

    /// <summary>Creates a writer over <paramref name="output"/>.</summary>
    public XimssXmlWriter(IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        _output = output;
    }

    /// <summary>How many elements are open.</summary>
    public int Depth => _depth;

    /// <summary>
    /// When true, closing a top-level element also writes the zero byte that ends a message on the TCP
    /// channel (CGP XMLAPI: "a text string ending with a binary zero byte").
    /// </summary>
    public bool TerminateMessages { get; set; }

    /// <summary>Starts over on another output (or the same one), forgetting any open elements.</summary>
    public void Reset(IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        _output = output;
        _depth = 0;
        _inStartTag = false;
    }

    /// <summary>Opens an element; attributes may follow until content or the end tag is written.</summary>
    public void WriteStartElement(string name)
    {
        CheckName(name);
        CloseStartTag();
        WriteByte((byte)'<');
        WriteUtf8(name);
        if (_depth == _open.Length)
            Array.Resize(ref _open, _depth * 2);
        _open[_depth++] = name;
        _inStartTag = true;
    }

    /// <summary>Closes the innermost open element (as <c>/&gt;</c> when it has no content).</summary>
    public void WriteEndElement()
    {
        if (_depth == 0)
            throw new InvalidOperationException("No element is open.");

        var name = _open[--_depth];
        if (_inStartTag)
        {
            WriteBytes("/>"u8);
            _inStartTag = false;
        }
        else
        {
            WriteBytes("</"u8);
            WriteUtf8(name);
            WriteByte((byte)'>');
        }

        if (_depth == 0 && TerminateMessages)
            WriteByte(0);
    }

    /// <summary>Writes <c>name="value"</c> on the element being started; nothing when <paramref name="value"/> is null.</summary>
    public void WriteAttribute(string name, string? value)
    {
        if (value is null)
            return;
        StartAttribute(name);
        WriteEscaped(value, XmlCharacters.AttributeSpecials);
        WriteByte((byte)'"');
    }

    /// <summary>Writes a decimal integer attribute.</summary>
    public void WriteAttribute(string name, long value)
    {
        StartAttribute(name);
        var span = _output.GetSpan(20);
        value.TryFormat(span, out var written, default, CultureInfo.InvariantCulture);
        _output.Advance(written);
        WriteByte((byte)'"');
    }

    /// <summary>Writes a decimal integer attribute; nothing when <paramref name="value"/> is null.</summary>
    public void WriteAttribute(string name, long? value)
    {
        if (value is { } present)
            WriteAttribute(name, present);
    }

    /// <summary>Writes a time attribute in the CGP compact form <c>yyyyMMddTHHmmss</c>, with a trailing <c>Z</c> when asked.</summary>
    public void WriteTimeAttribute(string name, DateTime value, bool utcMarker = false)
    {
        StartAttribute(name);
        WriteTime(value, utcMarker);
        WriteByte((byte)'"');
    }

    /// <summary>Writes escaped character data inside the current element.</summary>
    public void WriteString(string? text)
    {
        if (string.IsNullOrEmpty(text))
            return;
        RequireOpenElement();
        CloseStartTag();
        WriteEscaped(text, XmlCharacters.TextSpecials);
    }

    /// <summary>Writes a decimal integer as character data.</summary>
    public void WriteNumber(long value)
    {
        RequireOpenElement();
        CloseStartTag();
        var span = _output.GetSpan(20);
        value.TryFormat(span, out var written, default, CultureInfo.InvariantCulture);
        _output.Advance(written);
    }

    /// <summary>Writes a time as character data, in the CGP compact form (docs/ximss.md §7.1).</summary>
    public void WriteTimeString(DateTime value, bool utcMarker)
    {
        RequireOpenElement();
        CloseStartTag();
        WriteTime(value, utcMarker);
    }

    /// <summary>Writes <c>&lt;name&gt;text&lt;/name&gt;</c> (or <c>&lt;name/&gt;</c> for empty text).</summary>
    public void WriteElementString(string name, string? text)
    {
        WriteStartElement(name);
        WriteString(text);
        WriteEndElement();
    }

    /// <summary>Writes <c>&lt;name/&gt;</c>.</summary>
    public void WriteEmptyElement(string name)
    {
        WriteStartElement(name);
        WriteEndElement();
    }

    /// <summary>Writes pre-rendered XML as is, e.g. an <c>&lt;EMail&gt;</c> produced elsewhere.</summary>
    /// <remarks>The caller vouches that the bytes are well-formed UTF-8 XML content; nothing is checked or escaped.</remarks>
    public void WriteRaw(ReadOnlySpan<byte> utf8Xml)
    {
        CloseStartTag();
        WriteBytes(utf8Xml);
    }

    /// <summary>Lets code that speaks <see cref="XmlWriter"/> write content here (e.g. an <c>&lt;EMail&gt;</c> renderer).</summary>
    /// <remarks>
    /// The <see cref="XmlWriter"/> writes a fragment in UTF-8 without a declaration; text and attribute
    /// values it receives get the same U+FFFD replacement of illegal characters as this writer's own.
    /// </remarks>
    public void WriteXml(Action<XmlWriter> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        CloseStartTag();
        using var stream = new BufferWriterStream(_output);
        using var writer = new SanitizingXmlWriter(XmlWriter.Create(stream, SanitizingXmlWriter.FragmentSettings));
        write(writer);
        writer.Flush();
    }

    /// <summary>Writes the zero byte that ends a message on the TCP channel (CGP XMLAPI: "a text string ending with a binary zero byte").</summary>
    public void WriteFrameTerminator()
    {
        if (_depth != 0)
            throw new InvalidOperationException("A frame can only end between top-level messages.");
        WriteByte(0);
    }

    /// <summary>True when <paramref name="name"/> can be written as an element or attribute name (XML 1.0 Name production).</summary>
    public static bool IsValidName(string? name)
    {
        if (string.IsNullOrEmpty(name))
            return false;
        try
        {
            XmlConvert.VerifyName(name);
            return true;
        }
        catch (XmlException)
        {
            return false;
        }
    }

    private void StartAttribute(string name)
    {
        if (!_inStartTag)
            throw new InvalidOperationException($"Attribute '{name}' must follow a start tag.");
        CheckName(name);
        WriteByte((byte)' ');
        WriteUtf8(name);
        WriteBytes("=\""u8);
    }

    private void RequireOpenElement()
    {
        if (_depth == 0)
            throw new InvalidOperationException("Text must be inside an element.");
    }

    private void CloseStartTag()
    {
        if (_inStartTag)
        {
            WriteByte((byte)'>');
            _inStartTag = false;
        }
    }

    private void WriteTime(DateTime value, bool utcMarker)
    {
        var span = _output.GetSpan(16);
        value.TryFormat(span, out var written, "yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture);
        if (utcMarker)
            span[written++] = (byte)'Z';
        _output.Advance(written);
    }

    private void WriteEscaped(ReadOnlySpan<char> text, SearchValues<char> specials)
    {
        while (!text.IsEmpty)
        {
            var special = text.IndexOfAny(specials);
            WriteUtf8(special < 0 ? text : text[..special]);
            if (special < 0)
                return;

            var c = text[special];
            if (char.IsHighSurrogate(c) && special + 1 < text.Length && char.IsLowSurrogate(text[special + 1]))
            {
                WriteUtf8(text.Slice(special, 2));
                text = text[(special + 2)..];
                continue;
            }

            WriteBytes(c switch
            {
                '&' => "&amp;"u8,
                '<' => "&lt;"u8,
                '>' => "&gt;"u8,
                '"' => "&quot;"u8,
                '\t' => "&#9;"u8,
                '\n' => "&#10;"u8,
                '\r' => "&#13;"u8,
                _ => "\uFFFD"u8, // XML 1.0 §2.2: illegal character or unpaired surrogate.
            });
            text = text[(special + 1)..];
        }
    }

    private void WriteUtf8(ReadOnlySpan<char> text)
    {
        while (!text.IsEmpty)
        {
            var slice = text.Length > TranscodeSliceChars ? text[..TranscodeSliceChars] : text;
            // Never split a surrogate pair across slices.
            if (slice.Length < text.Length && char.IsHighSurrogate(slice[^1]))
                slice = slice[..^1];

            var span = _output.GetSpan(slice.Length * MaxUtf8BytesPerChar);
            Utf8.FromUtf16(slice, span, out _, out var written, replaceInvalidSequences: true);
            _output.Advance(written);
            text = text[slice.Length..];
        }
    }

    private void WriteBytes(ReadOnlySpan<byte> bytes)
    {
        _output.Write(bytes);
    }

    private void WriteByte(byte value)
    {
        _output.GetSpan(1)[0] = value;
        _output.Advance(1);
    }

    private static void CheckName(string name)
    {
        if (!IsValidName(name))
            throw new ArgumentException($"'{name}' is not a valid XML name.", nameof(name));
    }
}
