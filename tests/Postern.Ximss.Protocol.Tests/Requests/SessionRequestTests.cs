using Postern.Ximss.Protocol.Requests;
using static Postern.Ximss.Protocol.Tests.Requests.RequestParsing;

namespace Postern.Ximss.Protocol.Tests.Requests;

public class SessionRequestTests
{
    [Fact]
    public void SetSessionOptionKeepsNameAndValue()
    {
        Assert.Equal(new SetSessionOptionRequest("1", "idleTimeout", "60"), Parse<SetSessionOptionRequest>("<setSessionOption id=\"1\" name=\"idleTimeout\" value=\"60\"/>"));
    }

    [Fact]
    public void ListFeaturesMayNameADomain()
    {
        Assert.Equal("example.com", Parse<ListFeaturesRequest>("<listFeatures id=\"l\" domain=\"example.com\"/>", authenticated: false).Domain);
        Assert.Null(Parse<ListFeaturesRequest>("<listFeatures id=\"l\"/>", authenticated: false).Domain);
    }

    [Fact]
    public void PrefsReadListsTheWantedNamesAndType()
    {
        var request = Parse<PrefsReadRequest>("<prefsRead id=\"1\" type=\"custom\"><name>Language</name><name> TimeZone </name></prefsRead>");

        Assert.Equal("custom", request.Type);
        Assert.Equal(["Language", "TimeZone"], request.Names.ToArray());
    }

    [Fact]
    public void PrefsStoreKeepsEachPreferenceElement()
    {
        var request = Parse<PrefsStoreRequest>("<prefsStore id=\"1\"><Language>german</Language><Aliases><subValue>a</subValue></Aliases></prefsStore>");

        Assert.Null(request.Type);
        Assert.Equal(["Language", "Aliases"], request.Preferences.Select(p => p.Name));
        Assert.Equal("german", request.Preferences[0].Text);
        Assert.Equal("a", request.Preferences[1].Children[0].Text);
    }
}
