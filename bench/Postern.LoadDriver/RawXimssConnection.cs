using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Postern.LoadDriver;

/// <summary>A bare XIMSS TCP connection: frames out, zero-terminated messages in, nothing else.</summary>
internal sealed class RawXimssConnection : IDisposable
{
    private readonly Socket _socket;
    private readonly byte[] _buffer = new byte[64 * 1024];
    private int _start;
    private int _end;

    private RawXimssConnection(Socket socket) => _socket = socket;

    public static async Task<RawXimssConnection> ConnectAsync(int port)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, port));
        return new RawXimssConnection(socket);
    }

    public async Task SendAsync(ReadOnlyMemory<byte> frames)
    {
        while (!frames.IsEmpty)
        {
            var sent = await _socket.SendAsync(frames);
            frames = frames[sent..];
        }
    }

    /// <summary>Reads messages until <paramref name="count"/> zero bytes have passed; returns the last message.</summary>
    public async Task<string> ReceiveMessagesAsync(int count)
    {
        var last = "";
        while (count > 0)
        {
            var zero = Array.IndexOf(_buffer, (byte)0, _start, _end - _start);
            if (zero >= 0)
            {
                if (count == 1)
                    last = Encoding.UTF8.GetString(_buffer, _start, zero - _start);
                _start = zero + 1;
                count--;
                continue;
            }
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
        return last;
    }

    /// <summary>Logs in with a plain <c>login</c> (or the CRAM-MD5 SASL exchange) and waits for the response.</summary>
    public async Task LoginAsync(string user, string password, bool cramMd5 = false)
    {
        if (!cramMd5)
        {
            await SendAsync(Encoding.UTF8.GetBytes($"<login id=\"l\" authData=\"{user}\" password=\"{password}\"/>\0"));
            Check(await ReceiveMessagesAsync(2));
            return;
        }
        await SendAsync("<authenticate id=\"l\" method=\"CRAM-MD5\"/>\0"u8.ToArray());
        var challenge = await ReceiveMessagesAsync(1);
        var value = challenge[(challenge.IndexOf("value=\"", StringComparison.Ordinal) + 7)..];
        var text = Encoding.ASCII.GetString(Convert.FromBase64String(value[..value.IndexOf('"', StringComparison.Ordinal)]));
        var digest = Postern.Ximss.Protocol.Sasl.CramMd5Credentials.ComputeDigest(password, text);
        await SendAsync(Encoding.UTF8.GetBytes($"<auth id=\"l\">{Convert.ToBase64String(Encoding.UTF8.GetBytes(user + " " + digest))}</auth>\0"));
        Check(await ReceiveMessagesAsync(2));
    }

    public void Dispose() => _socket.Dispose();

    private static void Check(string response)
    {
        if (response != "<response id=\"l\"/>")
            throw new InvalidOperationException("login failed: " + response);
    }
}
