using System.Net.Sockets;
using System.Text;
using Postern.Testing;

namespace Postern.Server.Tests.Ximss;

/// <summary>The HTTP port hands connections whose first byte is '&lt;' to XIMSS and leaves HTTP untouched.</summary>
public class XimssOnHttpPortTests(XimssServerFixture server) : IClassFixture<XimssServerFixture>
{
    [Fact]
    public async Task AXimssClientOnTheHttpPortLogsInAndWorks()
    {
        await using var client = await XimssTcpClient.ConnectAsync(server.HttpPort);

        await client.LoginAsync();

        Assert.Equal(["<response id=\"n\"/>"], await client.RequestAsync("n", "<noop id=\"n\"/>"));
    }

    [Fact]
    public async Task TheFlashPolicyIsAnsweredOnTheHttpPort()
    {
        await using var client = await XimssTcpClient.ConnectAsync(server.HttpPort);

        await client.SendAsync("<policy-file-request/>");

        Assert.Equal("<?xml version=\"1.0\"?><cross-domain-policy><allow-access-from domain=\"*\" to-ports=\"*\"/></cross-domain-policy>", await client.ReceiveAsync());
    }

    [Fact]
    public async Task HttpStillWorksAfterThePeekWhenTheRequestArrivesWhole()
    {
        using var http = new HttpClient();

        var health = await http.GetStringAsync(server.HttpBase + "/health");

        Assert.Contains("\"status\":\"ok\"", health);
    }

    [Fact]
    public async Task HttpStillWorksWhenTheRequestTricklesInOneByteAtATime()
    {
        using var tcp = new TcpClient { NoDelay = true };
        await tcp.ConnectAsync("127.0.0.1", server.HttpPort);
        var stream = tcp.GetStream();

        foreach (var b in "GET /health HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"u8.ToArray())
        {
            await stream.WriteAsync(new[] { b });
            await stream.FlushAsync();
        }
        using var reader = new StreamReader(stream, Encoding.ASCII);
        var response = await reader.ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(30));

        Assert.StartsWith("HTTP/1.1 200 OK", response);
        Assert.Contains("\"status\":\"ok\"", response);
    }

    [Fact]
    public async Task KeepAliveRequestsAfterTheFirstAreServedOnTheSameConnection()
    {
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 1 });

        for (var i = 0; i < 3; i++)
            Assert.True((await http.GetAsync(server.HttpBase + "/health")).IsSuccessStatusCode);
    }
}
