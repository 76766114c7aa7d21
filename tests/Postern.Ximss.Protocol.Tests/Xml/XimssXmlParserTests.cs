using System.Buffers;
using System.Text;
using Postern.Ximss.Protocol.Tests.Support;
using Postern.Ximss.Protocol.Xml;

namespace Postern.Ximss.Protocol.Tests.Xml;

public class XimssXmlParserTests
{
    [Fact]
    public void ElementKeepsNameAttributesChildrenAndText()
    {
        var element = Written.Parse("<prefsRead id=\"A1\" type=\"custom\"><name>Language</name><name>TimeZone</name></prefsRead>");

        Assert.Equal("prefsRead", element.Name);
        Assert.Equal([new XimssAttribute("id", "A1"), new XimssAttribute("type", "custom")], element.Attributes.ToArray());
        Assert.Equal(["Language", "TimeZone"], element.Children.Select(c => c.Text));
        Assert.Equal("", element.Text);
    }

    [Fact]
    public void WhitespaceBetweenChildrenIsDroppedButLeafTextIsKeptExactly()
    {
        var element = Written.Parse("<EMail>\n  <Subject>  two  spaces </Subject>\n  <MIME> </MIME>\n</EMail>");

        Assert.Equal("", element.Text);
        Assert.Equal("  two  spaces ", element.Children[0].Text);
        Assert.Equal(" ", element.Children[1].Text);
    }

    [Fact]
    public void EntityAndCharacterReferencesAndCdataAreUnescaped()
    {
        var element = Written.Parse("<a v=\"&lt;&amp;&quot;&#x4E2D;\">x &gt; y<![CDATA[<b>&amp;</b>]]>&#10;</a>");

        Assert.Equal("<&\"中", element.GetAttribute("v"));
        Assert.Equal("x > y<b>&amp;</b>\n", element.Text);
    }

    [Fact]
    public void NamespaceDeclarationsStayAsAttributes()
    {
        var element = Written.Parse("<iqSend id=\"1\" type=\"get\" peer=\"a@b\"><vCard xmlns=\"vcard-temp\"/></iqSend>");

        Assert.Equal("vcard-temp", element.Children[0].GetAttribute("xmlns"));
    }

    [Fact]
    public void CommentsAndProcessingInstructionsAreIgnored()
    {
        var element = Written.Parse("<?xml version=\"1.0\"?><!-- hi --><noop id=\"1\"><?pi x?><!-- there --></noop>");

        Assert.Equal("noop", element.Name);
        Assert.Empty(element.Children);
        Assert.Equal("", element.Text);
    }

    [Fact]
    public void TextIsDecodedAsUtf8WhateverTheDeclarationSays()
    {
        var bytes = Encoding.UTF8.GetBytes("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><a v=\"é€\"/>");

        Assert.True(XimssXmlParser.TryParse(new ReadOnlySequence<byte>(bytes), out var element, out _));
        Assert.Equal("é€", element.GetAttribute("v"));
    }

    [Fact]
    public void LeadingByteOrderMarkIsTolerated()
    {
        byte[] bytes = [0xEF, 0xBB, 0xBF, .. "<noop id=\"1\"/>"u8];

        Assert.True(XimssXmlParser.TryParse(bytes, out var element, out _));
        Assert.Equal("noop", element.Name);
    }

    [Fact]
    public void MultiSegmentInputParsesLikeContiguousInput()
    {
        var bytes = Encoding.UTF8.GetBytes("<setClientName id=\"1\" name=\"Почта\"/>");
        var chunks = bytes.Select(b => new[] { b }).ToList();

        Assert.True(XimssXmlParser.TryParse(Segments.Of(chunks), out var element, out _));
        Assert.Equal("Почта", element.GetAttribute("name"));
    }

    [Fact]
    public void DeclaredEntitiesAreRefusedBecauseDtdsAre()
    {
        const string billionLaughs =
            "<!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">]><noop id=\"&lol2;\"/>";

        Assert.False(XimssXmlParser.TryParse(billionLaughs, out _, out var error));
        Assert.Equal(501, error.Number);
        Assert.Contains("DTD", error.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void ExternalEntitiesAreRefused()
    {
        const string xxe = "<!DOCTYPE a [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><noop id=\"&x;\"/>";

        Assert.False(XimssXmlParser.TryParse(xxe, out _, out var error));
        Assert.Equal(501, error.Number);
    }

    [Theory]
    [InlineData("", "Root element is missing")]
    [InlineData("<noop id=\"1\"/><noop id=\"2\"/>", "multiple root elements")]
    [InlineData("<noop id=\"1\">", "Unexpected end of file")]
    [InlineData("<noop id=\"1\"/>trailing", "Data at the root level is invalid")]
    [InlineData("<noop id='1' id='2'/>", "'id' is a duplicate attribute name")]
    [InlineData("<a>&undefined;</a>", "Reference to undeclared entity 'undefined'")]
    [InlineData("<a>&#1;</a>", "invalid character")]
    [InlineData("<x:a/>", "'x' is an undeclared prefix")]
    public void MalformedXmlIsAnErrorValueWithTheReason(string xml, string reason)
    {
        Assert.False(XimssXmlParser.TryParse(xml, out _, out var error));
        Assert.Equal(501, error.Number);
        Assert.StartsWith("XML syntax error: ", error.Text, StringComparison.Ordinal);
        Assert.Contains(reason, error.Text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void InvalidUtf8IsAnError()
    {
        byte[] bytes = [.. "<a v=\""u8, 0xC3, 0x28, .. "\"/>"u8];

        Assert.False(XimssXmlParser.TryParse(bytes, out _, out var error));
        Assert.Equal("XML syntax error: the message is not valid UTF-8", error.Text);
    }

    [Fact]
    public void NestingDeeperThanTheLimitIsRefused()
    {
        var limits = new XimssLimits { MaxElementDepth = 4 };

        Assert.True(XimssXmlParser.TryParse("<a><b><c><d/></c></b></a>", out _, out _, limits));
        Assert.False(XimssXmlParser.TryParse("<a><b><c><d><e/></d></c></b></a>", out _, out var error, limits));
        Assert.Equal(506, error.Number);
        Assert.Contains("nested deeper than 4", error.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void MoreElementsThanTheLimitAreRefused()
    {
        var limits = new XimssLimits { MaxElementCount = 3 };

        Assert.True(XimssXmlParser.TryParse("<m><UID>1</UID><UID>2</UID></m>", out _, out _, limits));
        Assert.False(XimssXmlParser.TryParse("<m><UID>1</UID><UID>2</UID><UID>3</UID></m>", out _, out var error, limits));
        Assert.Equal(506, error.Number);
    }

    [Fact]
    public void MoreAttributesThanTheLimitAreRefused()
    {
        var limits = new XimssLimits { MaxAttributesPerElement = 2 };

        Assert.False(XimssXmlParser.TryParse("<a x=\"1\" y=\"2\" z=\"3\"/>", out _, out var error, limits));
        Assert.Equal(506, error.Number);
    }

    [Fact]
    public void InputLongerThanTheFrameLimitIsRefusedBeforeParsing()
    {
        var limits = new XimssLimits { MaxFrameBytes = 10 };

        Assert.False(XimssXmlParser.TryParse("<noop id=\"1\"/>", out _, out var error, limits));
        Assert.Same(XimssError.FrameTooLarge, error);
    }
}
