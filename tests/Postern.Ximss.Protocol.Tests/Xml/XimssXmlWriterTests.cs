using System.Buffers;
using System.Text;
using Postern.Ximss.Protocol.Tests.Support;
using Postern.Ximss.Protocol.Xml;

namespace Postern.Ximss.Protocol.Tests.Xml;

public class XimssXmlWriterTests
{
    [Fact]
    public void EmptyElementIsSelfClosedAndNestedElementsGetEndTags()
    {
        var text = Written.Text(w =>
        {
            w.WriteStartElement("a");
            w.WriteAttribute("id", "1");
            w.WriteEmptyElement("b");
            w.WriteElementString("c", "text");
            w.WriteEndElement();
        });

        Assert.Equal("<a id=\"1\"><b/><c>text</c></a>", text);
    }

    [Fact]
    public void NullAttributeValueWritesNoAttribute()
    {
        Assert.Equal("<a/>", Written.Text(w =>
        {
            w.WriteStartElement("a");
            w.WriteAttribute("x", (string?)null);
            w.WriteAttribute("y", (long?)null);
            w.WriteEndElement();
        }));
    }

    [Fact]
    public void MarkupCharactersAreEscapedInTextAndAttributes()
    {
        var text = Written.Text(w =>
        {
            w.WriteStartElement("a");
            w.WriteAttribute("v", "<&\"'>\t\n\r");
            w.WriteString("<&\"'>\t\n\r]]>");
            w.WriteEndElement();
        });

        Assert.Equal("<a v=\"&lt;&amp;&quot;'>&#9;&#10;&#13;\">&lt;&amp;\"'&gt;\t\n&#13;]]&gt;</a>", text);
    }

    [Fact]
    public void CharactersXmlForbidsBecomeTheReplacementCharacter()
    {
        var text = Written.Text(w =>
        {
            w.WriteStartElement("a");
            w.WriteAttribute("v", "x\u0001y\uFFFEz");
            w.WriteString("bell\u0007 lone\uD800 pair\uD83D\uDE00 nul\0");
            w.WriteEndElement();
        });

        Assert.Equal("<a v=\"x\uFFFDy\uFFFDz\">bell\uFFFD lone\uFFFD pair\U0001F600 nul\uFFFD</a>", text);
        Assert.True(XimssXmlParser.TryParse(text, out _, out _));
    }

    [Theory]
    [InlineData("plain")]
    [InlineData("  leading and trailing  ")]
    [InlineData("line one\r\nline two\n\tindented")]
    [InlineData("quotes \" and ' and <tags> & ampersands")]
    [InlineData("Ünïcödé — 中文 — 😀")]
    public void WrittenValuesReadBackUnchanged(string value)
    {
        var text = Written.Text(w =>
        {
            w.WriteStartElement("a");
            w.WriteAttribute("v", value);
            w.WriteString(value);
            w.WriteEndElement();
        });

        var element = Written.Parse(text);
        Assert.Equal(value, element.GetAttribute("v"));
        Assert.Equal(value, element.Text);
    }

    [Fact]
    public void LongTextWithSurrogatePairsAcrossSliceBoundariesIsWrittenWhole()
    {
        var value = string.Concat(Enumerable.Repeat("ab😀", 5000));

        var text = Written.Text(w => w.WriteElementString("a", value));

        Assert.Equal(value, Written.Parse(text).Text);
    }

    [Fact]
    public void NumbersAndTimesAreWrittenInvariantly()
    {
        var text = Written.Text(w =>
        {
            w.WriteStartElement("a");
            w.WriteAttribute("n", -12345678901L);
            w.WriteTimeAttribute("t", new DateTime(2007, 5, 2, 8, 33, 13));
            w.WriteTimeAttribute("z", new DateTime(2007, 5, 2, 8, 33, 13), utcMarker: true);
            w.WriteNumber(42);
            w.WriteEndElement();
        });

        Assert.Equal("<a n=\"-12345678901\" t=\"20070502T083313\" z=\"20070502T083313Z\">42</a>", text);
    }

    [Fact]
    public void FrameTerminatorIsAZeroByteBetweenMessages()
    {
        var buffer = new ArrayBufferWriter<byte>();
        var writer = new XimssXmlWriter(buffer);
        writer.WriteEmptyElement("bye");
        writer.WriteFrameTerminator();

        Assert.Equal("<bye/>\0"u8.ToArray(), buffer.WrittenSpan.ToArray());
    }

    [Fact]
    public void TerminatingWriterEndsEveryTopLevelMessageWithAZeroByte()
    {
        var buffer = new ArrayBufferWriter<byte>();
        var writer = new XimssXmlWriter(buffer) { TerminateMessages = true };
        writer.WriteStartElement("a");
        writer.WriteEmptyElement("b");
        writer.WriteEndElement();
        writer.WriteEmptyElement("c");

        Assert.Equal("<a><b/></a>\0<c/>\0"u8.ToArray(), buffer.WrittenSpan.ToArray());
    }

    [Fact]
    public void FrameTerminatorInsideAnElementIsABug()
    {
        var writer = new XimssXmlWriter(new ArrayBufferWriter<byte>());
        writer.WriteStartElement("a");

        Assert.Throws<InvalidOperationException>(writer.WriteFrameTerminator);
    }

    [Theory]
    [InlineData("")]
    [InlineData("1abc")]
    [InlineData("a b")]
    [InlineData("a<b")]
    public void InvalidNamesAreRefused(string name)
    {
        var writer = new XimssXmlWriter(new ArrayBufferWriter<byte>());

        Assert.Throws<ArgumentException>(() => writer.WriteStartElement(name));
    }

    [Fact]
    public void RawXmlIsWrittenAsIsAfterClosingTheStartTag()
    {
        Assert.Equal("<folderMessage id=\"1\"><EMail><Subject>x</Subject></EMail></folderMessage>", Written.Text(w =>
        {
            w.WriteStartElement("folderMessage");
            w.WriteAttribute("id", "1");
            w.WriteRaw("<EMail><Subject>x</Subject></EMail>"u8);
            w.WriteEndElement();
        }));
    }

    [Fact]
    public void XmlWriterCallbackWritesIntoTheSameOutputWithTheSameCharacterRule()
    {
        var text = Written.Text(w =>
        {
            w.WriteStartElement("folderMessage");
            w.WriteXml(x =>
            {
                x.WriteStartElement("EMail");
                x.WriteStartElement("Subject");
                x.WriteAttributeString("note", "a\u0002b");
                x.WriteString("spam\u0001 & more");
                x.WriteEndElement();
                x.WriteEndElement();
            });
            w.WriteEndElement();
        });

        Assert.Equal("<folderMessage><EMail><Subject note=\"a\uFFFDb\">spam\uFFFD &amp; more</Subject></EMail></folderMessage>", text);
    }

    [Fact]
    public void ResetStartsAFreshDocumentOnANewBuffer()
    {
        var first = new ArrayBufferWriter<byte>();
        var writer = new XimssXmlWriter(first);
        writer.WriteStartElement("unfinished");

        var second = new ArrayBufferWriter<byte>();
        writer.Reset(second);
        writer.WriteEmptyElement("noop");

        Assert.Equal(0, writer.Depth);
        Assert.Equal("<noop/>", Encoding.UTF8.GetString(second.WrittenSpan));
    }
}
