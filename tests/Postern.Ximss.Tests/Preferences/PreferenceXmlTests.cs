using System.Text;
using Postern.Data;
using Postern.Ximss.Preferences;
using Postern.Ximss.Protocol.Xml;

namespace Postern.Ximss.Tests.Preferences;

public class PreferenceXmlTests
{
    private static XimssElement Parse(string xml)
    {
        Assert.True(XimssXmlParser.TryParse(Encoding.UTF8.GetBytes(xml), out var element, out var error), error?.Text);
        return element;
    }

    [Theory]
    [InlineData("english", "<Language>english</Language>")]
    [InlineData("(a,\"b c\")", "<Aliases><subValue>a</subValue><subValue>b c</subValue></Aliases>")]
    [InlineData("{Home=(x);Work=y;}", "<Book><subKey key=\"Home\"><subValue>x</subValue></subKey><subKey key=\"Work\">y</subKey></Book>")]
    public void ValuesAreWrittenAsCommuniGateXmlObjectsAndReadBack(string data, string xml)
    {
        var value = DataValue.Parse(data);
        var name = Parse(xml).Name;

        var element = PreferenceXml.ToElement(name, value);

        Assert.Equal(xml, element.ToString());
        Assert.True(PreferenceXml.TryRead(Parse(xml), out var read, out _));
        Assert.Equal(value, read);
    }

    [Fact]
    public void NumbersAndTimeStampsAreWrittenAsText()
    {
        Assert.Equal("<N>20</N>", PreferenceXml.ToElement("N", new DataNumber(20)).ToString());
        Assert.Equal("<T>20240201T101112Z</T>",
            PreferenceXml.ToElement("T", new DataTimestamp(new DateTime(2024, 2, 1, 10, 11, 12, DateTimeKind.Utc))).ToString());
    }

    [Fact]
    public void AnEmptyElementMeansRemoveButAnEmptyItemIsAnEmptyString()
    {
        Assert.True(PreferenceXml.TryRead(Parse("<Language/>"), out var removed, out _));
        Assert.True(removed.IsNull);

        Assert.True(PreferenceXml.TryRead(Parse("<L><subValue/></L>"), out var list, out _));
        Assert.Equal(DataValue.Parse("(\"\")"), list);
    }

    [Theory]
    [InlineData("<P><subValue>a</subValue><subKey key=\"k\">b</subKey></P>", "invalid <P> element: expected text, <subValue> or <subKey> elements")]
    [InlineData("<P><other/></P>", "invalid <P> element: expected text, <subValue> or <subKey> elements")]
    [InlineData("<P><subKey>b</subKey></P>", "invalid <P> element: a <subKey> without a key")]
    public void OtherShapesAreRefused(string xml, string error)
    {
        Assert.False(PreferenceXml.TryRead(Parse(xml), out _, out var problem));
        Assert.Equal(error, problem!.Text);
    }
}
