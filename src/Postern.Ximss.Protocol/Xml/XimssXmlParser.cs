using System.Buffers;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Unicode;
using System.Xml;

namespace Postern.Ximss.Protocol.Xml;

/// <summary>Parses one XIMSS message (a frame, or an HTTP body) into a <see cref="XimssElement"/> tree.</summary>
/// <remarks>
/// <para>The bytes must be UTF-8 (docs/ximss.md §1); an XML declaration naming another encoding is ignored
/// because the text is decoded before the XML reader sees it. A leading byte-order mark is tolerated.</para>
/// <para>The reader is locked down: DTDs are refused (no entity expansion, no external resolution),
/// and the character count, element depth, element count and attributes per element are capped by
/// <see cref="XimssLimits"/>. Comments and processing instructions are skipped. Bad input yields an
/// error value, never an exception.</para>
/// </remarks>
public static class XimssXmlParser
{
    private static ReadOnlySpan<byte> ByteOrderMark => [0xEF, 0xBB, 0xBF];

    /// <summary>Parses UTF-8 bytes holding exactly one element.</summary>
    public static bool TryParse(
        in ReadOnlySequence<byte> utf8,
        [NotNullWhen(true)] out XimssElement? element,
        [NotNullWhen(false)] out XimssError? error,
        XimssLimits? limits = null)
    {
        limits ??= XimssLimits.Default;
        if (utf8.IsSingleSegment)
            return TryParse(utf8.FirstSpan, out element, out error, limits);
        if (utf8.Length > limits.MaxFrameBytes)
            return TooLarge(out element, out error);

        var rented = ArrayPool<byte>.Shared.Rent((int)utf8.Length);
        try
        {
            var bytes = rented.AsSpan(0, (int)utf8.Length);
            utf8.CopyTo(bytes);
            return TryParse(bytes, out element, out error, limits);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>Parses UTF-8 bytes holding exactly one element.</summary>
    public static bool TryParse(
        ReadOnlySpan<byte> utf8,
        [NotNullWhen(true)] out XimssElement? element,
        [NotNullWhen(false)] out XimssError? error,
        XimssLimits? limits = null)
    {
        limits ??= XimssLimits.Default;
        if (utf8.Length > limits.MaxFrameBytes)
            return TooLarge(out element, out error);

        if (utf8.StartsWith(ByteOrderMark))
            utf8 = utf8[ByteOrderMark.Length..];
        if (!Utf8.IsValid(utf8))
        {
            element = null;
            error = XimssError.XmlSyntax("the message is not valid UTF-8");
            return false;
        }

        return TryParse(Encoding.UTF8.GetString(utf8), out element, out error, limits);
    }

    /// <summary>Parses XML text holding exactly one element.</summary>
    public static bool TryParse(
        string xml,
        [NotNullWhen(true)] out XimssElement? element,
        [NotNullWhen(false)] out XimssError? error,
        XimssLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(xml);
        limits ??= XimssLimits.Default;
        if (xml.Length > limits.MaxFrameBytes)
            return TooLarge(out element, out error);

        element = null;
        try
        {
            using var reader = XmlReader.Create(new StringReader(xml), CreateSettings(limits));
            return new TreeBuilder(limits).TryBuild(reader, out element, out error);
        }
        catch (XmlException exception)
        {
            error = XimssError.XmlSyntax(Describe(exception));
            return false;
        }
    }

    private static bool TooLarge(out XimssElement? element, out XimssError? error)
    {
        element = null;
        error = XimssError.FrameTooLarge;
        return false;
    }

    private static XmlReaderSettings CreateSettings(XimssLimits limits) => new()
    {
        // XIMSS requests are plain elements; a DTD could only serve entity-expansion or external-entity attacks.
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersInDocument = limits.MaxFrameBytes,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        CheckCharacters = true,
        CloseInput = true,
    };

    // The first sentence of the runtime's message plus the position; the rest is advice for .NET developers.
    private static string Describe(XmlException exception)
    {
        var message = exception.Message;
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        var sentence = end < 0 ? message.TrimEnd('.') : message[..end];
        return exception.LineNumber > 0
            ? $"{sentence} (line {exception.LineNumber}, position {exception.LinePosition})"
            : sentence;
    }

    /// <summary>Builds the element tree from the reader without recursion, enforcing the structural caps.</summary>
    private sealed class TreeBuilder(XimssLimits limits)
    {
        private readonly Stack<OpenElement> _open = new();
        private int _elementCount;

        public bool TryBuild(XmlReader reader, [NotNullWhen(true)] out XimssElement? root, [NotNullWhen(false)] out XimssError? error)
        {
            root = null;
            while (reader.Read())
            {
                switch (reader.NodeType)
                {
                    case XmlNodeType.Element:
                        if (++_elementCount > limits.MaxElementCount)
                        {
                            error = XimssError.TooComplex($"more than {limits.MaxElementCount} elements");
                            return false;
                        }

                        if (reader.AttributeCount > limits.MaxAttributesPerElement)
                        {
                            error = XimssError.TooComplex($"more than {limits.MaxAttributesPerElement} attributes on <{reader.Name}>");
                            return false;
                        }

                        if (_open.Count >= limits.MaxElementDepth)
                        {
                            error = XimssError.TooComplex($"elements nested deeper than {limits.MaxElementDepth}");
                            return false;
                        }

                        var opened = new OpenElement(reader.Name, ReadAttributes(reader));
                        if (reader.IsEmptyElement)
                            root = Close(opened);
                        else
                            _open.Push(opened);

                        break;

                    case XmlNodeType.Text:
                    case XmlNodeType.CDATA:
                    case XmlNodeType.Whitespace:
                    case XmlNodeType.SignificantWhitespace:
                        // Whitespace outside the root element is prolog/epilog, not content.
                        if (_open.TryPeek(out var current))
                            current.AppendText(reader.Value);
                        break;

                    case XmlNodeType.EndElement:
                        root = Close(_open.Pop());
                        break;
                }
            }

            error = null;
            return root is not null;
        }

        private XimssElement Close(OpenElement element)
        {
            var closed = element.ToElement();
            if (_open.TryPeek(out var parent))
                parent.AddChild(closed);
            return closed;
        }

        private static ImmutableArray<XimssAttribute> ReadAttributes(XmlReader reader)
        {
            if (!reader.HasAttributes)
                return [];

            var attributes = new XimssAttribute[reader.AttributeCount];
            for (var i = 0; reader.MoveToNextAttribute(); i++)
                attributes[i] = new XimssAttribute(reader.Name, reader.Value);
            reader.MoveToElement();
            return ImmutableCollectionsMarshal.AsImmutableArray(attributes);
        }
    }

    /// <summary>An element whose end tag has not been read yet.</summary>
    private sealed class OpenElement(string name, ImmutableArray<XimssAttribute> attributes)
    {
        private ImmutableArray<XimssElement>.Builder? _children;
        private string? _text;
        private StringBuilder? _longText;

        public void AddChild(XimssElement child) => (_children ??= ImmutableArray.CreateBuilder<XimssElement>()).Add(child);

        public void AppendText(string value)
        {
            // Most elements hold one text node; only mixed or CDATA-split content needs a builder.
            if (_text is null)
            {
                _text = value;
                return;
            }

            _longText ??= new StringBuilder(_text);
            _longText.Append(value);
        }

        public XimssElement ToElement()
        {
            var text = _longText?.ToString() ?? _text ?? "";
            // Between child elements, XML whitespace (S production: space, tab, CR, LF) is indentation.
            if (_children is not null && text.AsSpan().IndexOfAnyExcept(" \t\r\n") < 0)
                text = "";
            var children = _children?.DrainToImmutable() ?? [];
            return new XimssElement(name, attributes, children, text);
        }
    }
}
