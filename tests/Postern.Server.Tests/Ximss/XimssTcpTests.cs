using System.Text;
using System.Text.RegularExpressions;
using Postern.Ximss.Protocol.Sasl;
using Postern.Testing;

namespace Postern.Server.Tests.Ximss;

/// <summary>The XIMSS listener over raw TCP against the real server: framing, pipelining, errors, SASL, TLS.</summary>
public partial class XimssTcpTests(XimssServerFixture server) : IClassFixture<XimssServerFixture>
{
    private Task<XimssTcpClient> ConnectAsync() => XimssTcpClient.ConnectAsync(server.XimssPort);

    [Fact]
    public async Task AClientLogsInWorksAndSaysByeAndTheServerCloses()
    {
        await using var client = await ConnectAsync();

        await client.LoginAsync();
        Assert.Equal(["<response id=\"n\"/>"], await client.RequestAsync("n", "<noop id=\"n\"/>"));
        var time = await client.RequestAsync("t", "<readTime id=\"t\"/>");
        Assert.Matches("^<currentTime id=\"t\" gmtTime=\"\\d{8}T\\d{6}\" localTime=\"\\d{8}T\\d{6}\"/>$", time[0]);
        Assert.Equal(["<response id=\"b\"/>"], await client.RequestAsync("b", "<bye id=\"b\"/>"));
        Assert.Empty(await client.ReadUntilClosedAsync());
    }

    [Fact]
    public async Task EveryFrameSplitAtEveryByteIsStillUnderstood()
    {
        await using var client = await ConnectAsync();

        await client.SendByteByByteAsync(
            "<listFeatures id=\"f\"/>\0<login id=\"l\" authData=\"postmaster\" password=\"secret\"/>\0<noop id=\"n\"/>\0<policy-file-request/>\0");

        Assert.StartsWith("<features id=\"f\"", (await client.ReceiveUntilResponseAsync("f"))[0]);
        Assert.StartsWith("<session id=\"l\"", (await client.ReceiveUntilResponseAsync("l"))[0]);
        Assert.Equal(["<response id=\"n\"/>"], await client.ReceiveUntilResponseAsync("n"));
        Assert.Equal("<?xml version=\"1.0\"?><cross-domain-policy><allow-access-from domain=\"*\" to-ports=\"*\"/></cross-domain-policy>", await client.ReceiveAsync());
    }

    public static TheoryData<int> Offsets() => new(Enumerable.Range(1, "<noop id=\"split\"/>\0".Length - 1));

    [Theory]
    [MemberData(nameof(Offsets))]
    public async Task AFrameSplitAtAnyOffsetIsOneRequest(int offset)
    {
        await using var client = await ConnectAsync();
        var frame = Encoding.UTF8.GetBytes("<noop id=\"split\"/>\0");

        await client.SendRawAsync(frame.AsMemory(0, offset));
        await client.SendRawAsync(frame.AsMemory(offset));

        Assert.Equal("<response id=\"split\"/>", await client.ReceiveAsync());
    }

    [Fact]
    public async Task PipelinedRequestsAreAnsweredInOrder()
    {
        await using var client = await ConnectAsync();
        var burst = new StringBuilder("<login id=\"l\" authData=\"postmaster\" password=\"secret\"/>\0");
        for (var i = 0; i < 50; i++)
            burst.Append(i % 2 == 0 ? $"<noop id=\"{i}\"/>\0" : $"<readTime id=\"{i}\"/>\0");
        burst.Append("<bye id=\"bye\"/>\0");

        await client.SendRawAsync(Encoding.UTF8.GetBytes(burst.ToString()));

        var messages = await client.ReadUntilClosedAsync();
        var responses = messages.Where(m => m.StartsWith("<response", StringComparison.Ordinal)).ToList();
        Assert.Equal(["l", .. Enumerable.Range(0, 50).Select(i => i.ToString()), "bye"], responses.Select(r => ResponseId().Match(r).Groups[1].Value));
        Assert.All(messages.Where(m => m.StartsWith("<currentTime", StringComparison.Ordinal)),
            m => Assert.Contains("currentTime id=\"" + (int.Parse(ResponseId().Match(m).Groups[1].Value)), m));
    }

    [Fact]
    public async Task MalformedXmlGetsAnErrorAndTheSessionCarriesOnAtTheNextZeroByte()
    {
        await using var client = await ConnectAsync();
        await client.LoginAsync();

        await client.SendRawAsync(Encoding.UTF8.GetBytes("<noop id=\"1\"\0<noop id=\"2\"/>\0<!DOCTYPE x [<!ENTITY a \"b\">]><noop id=\"3\"/>\0<noop id=\"4\"/>\0"));

        Assert.StartsWith("<response errorText=\"XML syntax error: ", await client.ReceiveAsync());
        Assert.Equal("<response id=\"2\"/>", await client.ReceiveAsync());
        Assert.StartsWith("<response errorText=\"XML syntax error: ", await client.ReceiveAsync());
        Assert.Equal("<response id=\"4\"/>", await client.ReceiveAsync());
    }

    [Fact]
    public async Task AnOversizedFrameIsRefusedOnceAndTheFrameAfterItIsAnswered()
    {
        await using var client = await ConnectAsync();
        var huge = new byte[4 * 1024 * 1024 + 10];
        Array.Fill(huge, (byte)'x');

        await client.SendRawAsync(huge);
        await client.SendRawAsync("\0<noop id=\"after\"/>\0"u8.ToArray());

        Assert.Equal("<response errorText=\"request is too large\" errorNum=\"506\"/>", await client.ReceiveAsync());
        Assert.Equal("<response id=\"after\"/>", await client.ReceiveAsync());
    }

    [Fact]
    public async Task UnknownOperationsAndSessionOperationsBeforeLoginGetCommuniGatesErrors()
    {
        await using var client = await ConnectAsync();

        Assert.Equal(["<response id=\"A002\" errorText=\"unknown command\" errorNum=\"500\"/>"],
            await client.RequestAsync("A002", "<myCommand id=\"A002\" myParam=\"user1@example.dom\"/>"));
        Assert.Equal(["<response id=\"p\" errorText=\"not logged in\" errorNum=\"507\"/>"], await client.RequestAsync("p", "<prefsRead id=\"p\"/>"));
        Assert.Equal(["<response errorText=\"request id is missing\" errorNum=\"502\"/>"], [await SendAndReceiveAsync(client, "<noop/>")]);
    }

    [Fact]
    public async Task WrongCredentialsAreRefusedAndTheChannelMayTryAgain()
    {
        await using var client = await ConnectAsync();

        Assert.Equal(["<response id=\"1\" errorText=\"incorrect password or account name\" errorNum=\"515\"/>"],
            await client.RequestAsync("1", "<login id=\"1\" authData=\"postmaster\" password=\"guess\"/>"));
        await client.LoginAsync();
    }

    [Fact]
    public async Task CramMd5OverSaslLogsIn()
    {
        await using var client = await ConnectAsync();

        await client.SendAsync("<login method=\"CRAM-MD5\" id=\"c\"/>");
        var challenge = await client.ReceiveAsync();
        Assert.StartsWith("<challenge id=\"c\" value=\"", challenge);
        var text = Encoding.ASCII.GetString(Convert.FromBase64String(Regex.Match(challenge, "value=\"([^\"]+)\"").Groups[1].Value));
        var answer = Convert.ToBase64String(Encoding.UTF8.GetBytes("postmaster " + CramMd5Credentials.ComputeDigest(XimssServerFixture.Password, text)));

        var reply = await client.RequestAsync("c", $"<auth id=\"c\" value=\"{answer}\"/>");

        Assert.StartsWith("<session id=\"c\" urlID=", reply[0]);
    }

    [Fact]
    public async Task StartTlsUpgradesTheChannelAndLoginWorksOverTls()
    {
        await using var client = await ConnectAsync();
        var features = await client.RequestAsync("f", "<listFeatures id=\"f\"/>");
        Assert.Contains("<starttls/>", features[0]);

        Assert.Equal(["<response id=\"s\"/>"], await client.RequestAsync("s", "<starttls id=\"s\"/>"));
        var tls = await client.StartTlsAsync();

        Assert.True(tls.IsAuthenticated);
        Assert.DoesNotContain("<starttls/>", (await client.RequestAsync("f2", "<listFeatures id=\"f2\"/>"))[0]);
        await client.LoginAsync();
        Assert.Equal(["<response id=\"s2\" errorText=\"already logged in\" errorNum=\"508\"/>"], await client.RequestAsync("s2", "<starttls id=\"s2\"/>"));
    }

    [Fact]
    public async Task TheTlsPortSpeaksTlsFromTheFirstByteAndOffersNoStartTls()
    {
        await using var client = await XimssTcpClient.ConnectAsync(server.XimssTlsPort);
        await client.StartTlsAsync();

        Assert.DoesNotContain("<starttls/>", (await client.RequestAsync("f", "<listFeatures id=\"f\"/>"))[0]);
        await client.LoginAsync();
    }

    [Fact]
    public async Task TheSelfSignedCertificateIsKeptInTheDataDirectory()
    {
        Assert.True(File.Exists(Path.Combine(server.Data, "tls", "selfsigned.pfx")));
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(server.Data, "tls", "selfsigned.pfx")));
        await Task.CompletedTask;
    }

    [Fact]
    public async Task AnAlertPostedElsewhereArrivesAsAnAsynchronousMessage()
    {
        await server.CreateAccountAsync("alerted@example.com");
        await using var client = await ConnectAsync();
        await client.LoginAsync("alerted@example.com");

        await server.PostAlertAsync("alerted@example.com", "Maintenance tonight");

        Assert.Matches("^<alert gmtTime=\"\\d{8}T\\d{6}\" localTime=\"\\d{8}T\\d{6}\">Maintenance tonight</alert>$", await client.ReceiveAsync());
    }

    [Fact]
    public async Task AFlashPolicyRequestIsAnsweredOnTheXimssPort()
    {
        await using var client = await ConnectAsync();

        await client.SendAsync("<policy-file-request/>");

        Assert.Equal("<?xml version=\"1.0\"?><cross-domain-policy><allow-access-from domain=\"*\" to-ports=\"*\"/></cross-domain-policy>", await client.ReceiveAsync());
    }

    private static async Task<string> SendAndReceiveAsync(XimssTcpClient client, string xml)
    {
        await client.SendAsync(xml);
        return await client.ReceiveAsync();
    }

    [GeneratedRegex("id=\"([^\"]+)\"")]
    private static partial Regex ResponseId();
}
