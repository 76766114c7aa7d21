using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace Postern.LoadDriver;

/// <summary>A bare HTTP/1.1 keep-alive connection: one request at a time, <c>Content-Length</c> replies.</summary>
internal sealed class RawHttpConnection : RawConnection
{
    private RawHttpConnection(Socket socket)
        : base(socket)
    {
    }

    public static async Task<RawHttpConnection> ConnectAsync(int port) => new(await ConnectSocketAsync(port));

    public async Task SendAsync(string method, string path, string? body = null)
    {
        var bytes = body is null ? 0 : Encoding.UTF8.GetByteCount(body);
        var request = $"{method} {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: {bytes}\r\n\r\n{body}";
        await SendAsync(Encoding.UTF8.GetBytes(request));
    }

    /// <summary>The next reply's status and body.</summary>
    public async Task<(int Status, string Body)> ReceiveAsync()
    {
        int headerEnd;
        while ((headerEnd = IndexOf("\r\n\r\n"u8)) < 0)
            await FillAsync();
        var head = Encoding.ASCII.GetString(Buffer, Start, headerEnd - Start);
        var status = int.Parse(head.AsSpan(9, 3), CultureInfo.InvariantCulture);
        var lengthLine = head.Split("\r\n").FirstOrDefault(l => l.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase));
        var length = lengthLine is null ? 0 : int.Parse(lengthLine[15..].Trim(), CultureInfo.InvariantCulture);
        Start = headerEnd + 4;
        while (End - Start < length)
            await FillAsync();
        var body = Encoding.UTF8.GetString(Buffer, Start, length);
        Start += length;
        return (status, body);
    }

    public async Task<(int Status, string Body)> RequestAsync(string method, string path, string? body = null)
    {
        await SendAsync(method, path, body);
        return await ReceiveAsync();
    }

    private int IndexOf(ReadOnlySpan<byte> pattern)
    {
        var index = Buffer.AsSpan(Start, End - Start).IndexOf(pattern);
        return index < 0 ? -1 : Start + index;
    }
}
