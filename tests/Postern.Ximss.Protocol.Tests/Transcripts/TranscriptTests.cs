using System.Buffers;
using System.Text;
using Postern.Ximss.Protocol.DataMessages;
using Postern.Ximss.Protocol.Requests;
using Postern.Ximss.Protocol.Sasl;
using Postern.Ximss.Protocol.Tests.Support;
using Postern.Ximss.Protocol.Xml;

namespace Postern.Ximss.Protocol.Tests.Transcripts;

/// <summary>Example exchanges from the CGP guide and from CGP clients: what clients send parses, and what we write matches what CGP writes.</summary>
public class TranscriptTests
{
    // The guide's examples show 08:33:13 GMT as 00:33:13 local: a server eight hours west of GMT.
    private static readonly TimeSpan s_guideOffset = TimeSpan.FromHours(-8);

    [Fact]
    public void XmlApiBasicsMatchTheGuide()
    {
        var transcript = Transcript.Load("xmlapi-basics.txt");

        Assert.IsType<NoopRequest>(ParseRequest(transcript.Client[0], authenticated: true).Request);
        var unknown = ParseRequest(transcript.Client[1], authenticated: true);
        Assert.Same(XimssError.UnknownCommand, unknown.Error);

        XmlEquivalence.AssertSame(transcript.Server[0], Written.Text(w => w.WriteResponse("A001")));
        XmlEquivalence.AssertSame(transcript.Server[1], Written.Text(w => w.WriteResponse(unknown.Id, unknown.Error)));
        Assert.Equal(transcript.Server[2], Written.Text(w => w.WriteAlert("Account is over quota", new DateTimeOffset(2007, 5, 2, 0, 33, 13, s_guideOffset))));
        Assert.Equal(transcript.Server[4], Written.Text(w => w.WriteAlert("Please logout, as we are shutting down.", new DateTimeOffset(2007, 5, 2, 0, 35, 0, s_guideOffset))));
    }

    [Fact]
    public void HttpPreLoginBatchMatchesTheSeed()
    {
        var transcript = Transcript.Load("seed-http-prelogin.txt");

        var requests = ParseContainer(transcript.Client[0], authenticated: false);
        Assert.Equal(new ListFeaturesRequest("list", null), Assert.Single(requests));

        var features = new FeatureSet
        {
            Domain = "x.domain.dom",
            StartTls = true,
            SaslMechanisms = ["LOGIN", "PLAIN", "CRAM-MD5", "DIGEST-MD5", "GSSAPI"],
            Nonce = "2C3E575E5498CE63574D40F18D00C873",
            Languages = ["german"],
            Signup = true,
        };
        Assert.Equal(transcript.Server[0], Written.Text(w =>
        {
            w.WriteStartContainer();
            w.WriteFeatures("s", features);
            w.WriteResponse("s");
            w.WriteEndElement();
        }));
    }

    [Fact]
    public void HttpLoginReplyMatchesTheSeed()
    {
        var transcript = Transcript.Load("seed-http-login.txt");

        XmlEquivalence.AssertSame(transcript.Server[0], Written.Text(w =>
        {
            w.WriteStartContainer();
            w.WriteSession(null, new SessionInfo("562-kAI2lxNBR4ApmHg4wiW9", "account@domain") { RealName = "J. Smith" });
            w.WriteEndElement();
        }));
    }

    [Fact]
    public void HttpSyncExchangeMatchesTheSeedByteForByte()
    {
        var transcript = Transcript.Load("seed-http-sync.txt");

        var requests = ParseContainer(transcript.Client[0], authenticated: true);
        Assert.Equal([new NoopRequest("i1"), new ReadTimeRequest("i2")], requests);

        Assert.Equal(transcript.Server[0], Written.Text(w =>
        {
            w.WriteStartContainer();
            w.WriteResponse("i1");
            w.WriteCurrentTime("i2", new DateTimeOffset(2007, 5, 2, 0, 33, 13, s_guideOffset));
            w.WriteResponse("i2");
            w.WriteEndElement();
        }));
    }

    [Fact]
    public void HttpLongPollRepliesMatchTheSeed()
    {
        var transcript = Transcript.Load("seed-http-async.txt");

        Assert.Equal(transcript.Server[0], Written.Text(w => w.WriteEmptyContainer()));
        XmlEquivalence.AssertSame(transcript.Server[1], Written.Text(w =>
        {
            w.WriteStartContainer(respSeq: 1);
            w.WriteFolderReportNotify("INBOX");
            w.WriteEndElement();
        }));
        XmlEquivalence.AssertSame(transcript.Server[2], Written.Text(w =>
        {
            w.WriteStartContainer(respSeq: 1);
            w.WriteResponse("i1");
            w.WriteCurrentTime("i2", new DateTimeOffset(2007, 5, 2, 0, 33, 13, s_guideOffset));
            w.WriteResponse("i2");
            w.WriteEndElement();
        }));
    }

    [Fact]
    public void LoginFlowsOfTheSpecParseAndAnswerAsCgpDoes()
    {
        var transcript = Transcript.Load("login.txt");

        Assert.Equal(new LoginRequest("A001", "user@example.com", "secret"), ParseRequest(transcript.Client[0], authenticated: false).Request);
        Assert.Equal(AuthenticateForm.LoginMethod, Assert.IsType<AuthenticateRequest>(ParseRequest(transcript.Client[1], authenticated: false).Request).Form);
        Assert.Equal(AuthenticateForm.Authenticate, Assert.IsType<AuthenticateRequest>(ParseRequest(transcript.Client[3], authenticated: false).Request).Form);

        // Both auth shapes carry the same RFC 2195 answer.
        foreach (var auth in new[] { transcript.Client[2], transcript.Client[4] })
        {
            var request = Assert.IsType<AuthRequest>(ParseRequest(auth, authenticated: false).Request);
            var exchange = new SaslServerExchange(SaslMechanism.CramMd5, "postoffice.reston.mci.net");
            exchange.Start(null);
            var credentials = Assert.IsType<CramMd5Credentials>(exchange.Continue(request.Response).Credentials);
            Assert.Equal("tim", credentials.UserName);
            Assert.Equal("b913a602c7eda7a495b4e6e7334d3890", credentials.Digest);
        }

        XmlEquivalence.AssertSame(transcript.Server[0], Written.Text(w => w.WriteSession("A001", new SessionInfo("4815-vN2Txjkggy7gjHRD10jw", "user@example.com"))));
        Assert.Equal(transcript.Server[1], Written.Text(w => w.WriteResponse("A001")));
        Assert.Equal(transcript.Server[2], Written.Text(w => w.WriteResponse("A001", XimssError.IncorrectCredentials)));
    }

    private static RequestParseResult ParseRequest(string xml, bool authenticated) =>
        XimssRequestParser.Parse(new ReadOnlySequence<byte>(Encoding.UTF8.GetBytes(xml)), authenticated);

    private static List<XimssRequest> ParseContainer(string body, bool authenticated)
    {
        Assert.True(XimssContainer.TryParse(new ReadOnlySequence<byte>(Encoding.UTF8.GetBytes(body)), out var container, out var error), error?.Text);
        return container.Requests.Select(element =>
        {
            var result = XimssRequestParser.Parse(element, authenticated);
            Assert.True(result.Succeeded, result.Error?.Text);
            return result.Request;
        }).ToList();
    }
}
