using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Postern.LoadDriver;

/// <summary>A bare HTTP/1.1 keep-alive connection: one request at a time, <c>Content-Length</c> replies.</summary>
internal sealed class RawHttpConnection : IDisposable
{
    private readonly Socket _socket;
    private readonly byte[] _buffer = new byte[64 * 1024];
    private int _start;
    private int _end;

    private RawHttpConnection(Socket socket) => _socket = socket;

    public static async Task<RawHttpConnection> ConnectAsync(int port)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, port));
        return new RawHttpConnection(socket);
    }

    public async Task SendAsync(string method, string path, string? body = null)
    {
        var bytes = body is null ? 0 : Encoding.UTF8.GetByteCount(body);
        var request = $"{method} {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: {bytes}\r\n\r\n{body}";
        var data = Encoding.UTF8.GetBytes(request).AsMemory();
        while (!data.IsEmpty)
            data = data[await _socket.SendAsync(data)..];
    }

    /// <summary>The next reply's status and body.</summary>
    public async Task<(int Status, string Body)> ReceiveAsync()
    {
        int headerEnd;
        while ((headerEnd = IndexOf("\r\n\r\n"u8)) < 0)
            await FillAsync();
        var head = Encoding.ASCII.GetString(_buffer, _start, headerEnd - _start);
        var status = int.Parse(head.AsSpan(9, 3), CultureInfo.InvariantCulture);
        var lengthLine = head.Split("\r\n").FirstOrDefault(l => l.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase));
        var length = lengthLine is null ? 0 : int.Parse(lengthLine[15..].Trim(), CultureInfo.InvariantCulture);
        _start = headerEnd + 4;
        while (_end - _start < length)
            await FillAsync();
        var body = Encoding.UTF8.GetString(_buffer, _start, length);
        _start += length;
        return (status, body);
    }

    public async Task<(int Status, string Body)> RequestAsync(string method, string path, string? body = null)
    {
        await SendAsync(method, path, body);
        return await ReceiveAsync();
    }

    public void Dispose() => _socket.Dispose();

    private int IndexOf(ReadOnlySpan<byte> pattern)
    {
        var index = _buffer.AsSpan(_start, _end - _start).IndexOf(pattern);
        return index < 0 ? -1 : _start + index;
    }

    private async Task FillAsync()
    {
        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }
        var read = await _socket.ReceiveAsync(_buffer.AsMemory(_end));
        if (read == 0)
            throw new IOException("the server closed the connection");
        _end += read;
    }
}
