using System.Net;
using System.Net.Sockets;

namespace Postern.Server.Tests;

/// <summary>HTTP clients for tests against a server on loopback.</summary>
internal static class LoopbackHttp
{
    /// <summary>An HTTP client whose connections come from another loopback address (redirects are not followed).</summary>
    public static HttpClient ClientFrom(string address) => new(new SocketsHttpHandler
    {
        AllowAutoRedirect = false,
        ConnectCallback = async (context, cancellationToken) =>
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            socket.Bind(new IPEndPoint(IPAddress.Parse(address), 0));
            await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        },
    });
}
