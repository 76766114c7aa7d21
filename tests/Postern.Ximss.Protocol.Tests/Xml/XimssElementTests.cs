using Postern.Ximss.Protocol.Tests.Support;

namespace Postern.Ximss.Protocol.Tests.Xml;

public class XimssElementTests
{
    [Fact]
    public void FindAttributePrefersTheExactNameOverACaseVariant()
    {
        var element = Written.Parse("<a uid=\"1\" UID=\"2\" Folder=\"x\"/>");

        Assert.Equal("2", element.FindAttribute("UID"));
        Assert.Equal("1", element.FindAttribute("uid"));
        Assert.Equal("x", element.FindAttribute("folder"));
        Assert.Null(element.GetAttribute("folder"));
    }

    [Fact]
    public void FindChildMatchesAnyCase()
    {
        var element = Written.Parse("<folderBrowse id=\"1\"><uid>5</uid><UID>6</UID></folderBrowse>");

        Assert.Equal("5", element.FindChild("UID")?.Text);
        Assert.Equal(["5", "6"], element.FindChildren("Uid").Select(c => c.Text));
    }

    [Fact]
    public void ToStringWritesTheElementBackAsXml()
    {
        var element = Written.Parse("<prefsStore id=\"1\"><Language>english</Language><Sig>a &amp; b</Sig></prefsStore>");

        Assert.Equal("<prefsStore id=\"1\"><Language>english</Language><Sig>a &amp; b</Sig></prefsStore>", element.ToString());
    }
}
