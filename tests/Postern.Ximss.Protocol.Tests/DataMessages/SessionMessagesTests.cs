using Postern.Ximss.Protocol.DataMessages;
using Postern.Ximss.Protocol.Tests.Support;
using Postern.Ximss.Protocol.Xml;

namespace Postern.Ximss.Protocol.Tests.DataMessages;

public class SessionMessagesTests
{
    [Fact]
    public void SuccessfulResponseCarriesOnlyTheId()
    {
        Assert.Equal("<response id=\"A001\"/>", Written.Text(w => w.WriteResponse("A001")));
    }

    [Fact]
    public void FailedResponseCarriesErrorTextAndNumber()
    {
        Assert.Equal(
            "<response id=\"A002\" errorText=\"unknown command\" errorNum=\"500\"/>",
            Written.Text(w => w.WriteResponse("A002", XimssError.UnknownCommand)));
    }

    [Fact]
    public void ResponseToAFrameWithoutIdHasNoId()
    {
        Assert.Equal(
            "<response errorText=\"request id is missing\" errorNum=\"502\"/>",
            Written.Text(w => w.WriteResponse(null, XimssError.MissingRequestId)));
    }

    [Fact]
    public void ErrorTextIsEscaped()
    {
        Assert.Equal(
            "<response id=\"1\" errorText=\"missing &lt;UID> element\" errorNum=\"505\"/>",
            Written.Text(w => w.WriteResponse("1", XimssError.MissingElement("UID"))));
    }

    [Fact]
    public void SessionCarriesOptionalFlagsOnlyWhenSet()
    {
        var session = new SessionInfo("4815-vN2Txjkggy7gjHRD10jw", "user@example.com")
        {
            RealName = "J. Smith",
            Version = "6.1",
            Random = "123",
            ChangePassword = true,
            SecondFactorRequired = true,
        };

        Assert.Equal(
            "<session id=\"A001\" urlID=\"4815-vN2Txjkggy7gjHRD10jw\" userName=\"user@example.com\" realName=\"J. Smith\" version=\"6.1\" random=\"123\" changePassword=\"1\" x2auth=\"1\"/>",
            Written.Text(w => w.WriteSession("A001", session)));
        Assert.Equal(
            "<session urlID=\"u\" userName=\"n\"/>",
            Written.Text(w => w.WriteSession(null, new SessionInfo("u", "n"))));
    }

    [Fact]
    public void ChallengeIsBase64InTheAttributeAndTheText()
    {
        Assert.Equal(
            "<challenge id=\"A001\" value=\"PDE4OTYuNjk3MTcwOTUyQHBvc3RvZmZpY2UucmVzdG9uLm1jaS5uZXQ+\">PDE4OTYuNjk3MTcwOTUyQHBvc3RvZmZpY2UucmVzdG9uLm1jaS5uZXQ+</challenge>",
            Written.Text(w => w.WriteChallenge("A001", "<1896.697170952@postoffice.reston.mci.net>"u8)));
    }

    [Fact]
    public void KnownValuesListTimeZonesThenCharsets()
    {
        Assert.Equal(
            "<knownValues id=\"1\"><tzid name=\"HostOS\"/><tzid name=\"Europe/Central\"/><charset name=\"utf-8\"/></knownValues>",
            Written.Text(w => w.WriteKnownValues("1", new KnownValues(["HostOS", "Europe/Central"], ["utf-8"]))));
    }

    [Fact]
    public void PrefsWriteOneElementPerPreference()
    {
        XimssElement[] preferences =
        [
            new("Language", text: "english"),
            new("Aliases", children: [new XimssElement("subValue", text: "a & b")]),
        ];

        Assert.Equal(
            "<prefs id=\"1\" type=\"custom\"><Language>english</Language><Aliases><subValue>a &amp; b</subValue></Aliases></prefs>",
            Written.Text(w => w.WritePrefs("1", "custom", preferences)));
    }

    [Fact]
    public void ByeFromTheServerHasNoId()
    {
        Assert.Equal("<bye/>", Written.Text(w => w.WriteBye()));
    }

    [Fact]
    public void FeaturesListEverythingOfferedInOrder()
    {
        var features = new FeatureSet { Domain = "example.com", SaslMechanisms = ["CRAM-MD5", "PLAIN"], Languages = ["english"] };

        Assert.Equal(
            "<features id=\"list\" domain=\"example.com\"><sasl>CRAM-MD5</sasl><sasl>PLAIN</sasl><language>english</language></features>",
            Written.Text(w => w.WriteFeatures("list", features)));
    }
}
