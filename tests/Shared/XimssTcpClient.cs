using System.Buffers;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Text;

namespace Postern.Testing;

/// <summary>A scripted XIMSS client over raw TCP: zero-terminated messages out, messages in, with timeouts.</summary>
internal sealed class XimssTcpClient : IAsyncDisposable
{
    /// <summary>Generous for a busy 2-core machine; an answer normally takes milliseconds.</summary>
    public static readonly TimeSpan ReplyTimeout = TimeSpan.FromSeconds(30);

    private readonly TcpClient _tcp;
    private Stream _stream;
    private readonly List<byte> _pending = [];
    private readonly byte[] _buffer = new byte[64 * 1024];

    private XimssTcpClient(TcpClient tcp)
    {
        _tcp = tcp;
        _stream = tcp.GetStream();
    }

    /// <summary>Connects to <paramref name="port"/> on loopback, from <paramref name="from"/> (any 127.x address) when given.</summary>
    public static async Task<XimssTcpClient> ConnectAsync(int port, string? from = null)
    {
        var tcp = from is null ? new TcpClient(AddressFamily.InterNetwork) : new TcpClient(new IPEndPoint(IPAddress.Parse(from), 0));
        tcp.NoDelay = true;
        await tcp.ConnectAsync(IPAddress.Loopback, port);
        return new XimssTcpClient(tcp);
    }

    /// <summary>Sends one message and its zero byte.</summary>
    public Task SendAsync(string xml) => SendRawAsync(Encoding.UTF8.GetBytes(xml + "\0"));

    public async Task SendRawAsync(ReadOnlyMemory<byte> bytes)
    {
        await _stream.WriteAsync(bytes);
        await _stream.FlushAsync();
    }

    /// <summary>Sends the bytes one write each, so the server sees them split at every offset.</summary>
    public async Task SendByteByByteAsync(string text)
    {
        foreach (var b in Encoding.UTF8.GetBytes(text))
            await SendRawAsync(new[] { b });
    }

    /// <summary>The next message, without its zero byte.</summary>
    public async Task<string> ReceiveAsync()
    {
        using var timeout = new CancellationTokenSource(ReplyTimeout);
        while (true)
        {
            var end = _pending.IndexOf(0);
            if (end >= 0)
            {
                var message = Encoding.UTF8.GetString(_pending.GetRange(0, end).ToArray());
                _pending.RemoveRange(0, end + 1);
                return message;
            }
            var read = await _stream.ReadAsync(_buffer, timeout.Token);
            if (read == 0)
                throw new EndOfStreamException("the server closed the connection; unread: " + Encoding.UTF8.GetString(_pending.ToArray()));
            _pending.AddRange(_buffer.AsSpan(0, read));
        }
    }

    /// <summary>Receives messages until the <c>&lt;response&gt;</c> of <paramref name="id"/>, and returns them all.</summary>
    public async Task<List<string>> ReceiveUntilResponseAsync(string id)
    {
        var messages = new List<string>();
        while (true)
        {
            var message = await ReceiveAsync();
            messages.Add(message);
            if (message.StartsWith($"<response id=\"{id}\"", StringComparison.Ordinal))
                return messages;
        }
    }

    /// <summary>Sends a request and returns everything up to its response.</summary>
    public async Task<List<string>> RequestAsync(string id, string xml)
    {
        await SendAsync(xml);
        return await ReceiveUntilResponseAsync(id);
    }

    /// <summary>Logs in with <c>login</c>; returns the session's <c>urlID</c>.</summary>
    public async Task<string> LoginAsync(string user, string password)
    {
        var reply = await RequestAsync("login", $"<login id=\"login\" authData=\"{user}\" password=\"{password}\"/>");
        Assert.Equal("<response id=\"login\"/>", reply[^1]);
        return System.Text.RegularExpressions.Regex.Match(reply[0], "urlID=\"([^\"]+)\"").Groups[1].Value;
    }

    /// <summary>True when the server closes the connection (after any messages still unread, which are returned).</summary>
    public async Task<List<string>> ReadUntilClosedAsync()
    {
        var messages = new List<string>();
        try
        {
            while (true)
                messages.Add(await ReceiveAsync());
        }
        catch (EndOfStreamException)
        {
            return messages;
        }
        catch (IOException)
        {
            return messages;
        }
    }

    /// <summary>Starts TLS on the connection (after a successful <c>starttls</c>, or on the TLS port), trusting any certificate.</summary>
    public async Task<SslStream> StartTlsAsync()
    {
        var tls = new SslStream(_stream, leaveInnerStreamOpen: false, (_, _, _, _) => true);
        await tls.AuthenticateAsClientAsync("localhost");
        _stream = tls;
        return tls;
    }

    public async ValueTask DisposeAsync()
    {
        await _stream.DisposeAsync();
        _tcp.Dispose();
    }
}
