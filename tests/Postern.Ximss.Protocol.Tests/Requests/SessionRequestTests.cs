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

    [Fact]
    public void SignupKeepsEveryFieldButPrintsNoPassword()
    {
        var request = Parse<SignupRequest>(
            "<signup id=\"s\" domain=\"example.com\" userName=\"new\" password=\"secret\" realName=\"New User\" recoverPassword=\"me@example.net\"/>",
            authenticated: false);

        Assert.Equal(new SignupRequest("s", "example.com", "new", "secret", "New User", "me@example.net"), request);
        Assert.DoesNotContain("secret", request.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void RecoverPasswordNamesTheAccountAndOptionallyItsDomain()
    {
        Assert.Equal(new RecoverPasswordRequest("0", "example.com", "user"),
            Parse<RecoverPasswordRequest>("<recoverPassword id='0' domain='example.com' userName='user'/>", authenticated: false));
        Assert.Null(Parse<RecoverPasswordRequest>("<recoverPassword id='0' userName='user@example.com'/>", authenticated: false).Domain);
    }
}
