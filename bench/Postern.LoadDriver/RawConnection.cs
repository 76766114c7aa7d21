using System.Net;
using System.Net.Sockets;

namespace Postern.LoadDriver;

/// <summary>
/// A loopback TCP connection with one receive buffer: what the raw XIMSS and HTTP clients share. The
/// unread bytes are <c>Buffer[Start..End]</c>; <see cref="FillAsync"/> reads more after them.
/// </summary>
internal abstract class RawConnection(Socket socket) : IDisposable
{
    protected byte[] Buffer { get; } = new byte[64 * 1024];

    protected int Start { get; set; }

    protected int End { get; set; }

    protected static async Task<Socket> ConnectSocketAsync(int port)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, port));
        return socket;
    }

    /// <summary>Sends every byte.</summary>
    public async Task SendAsync(ReadOnlyMemory<byte> data)
    {
        while (!data.IsEmpty)
            data = data[await socket.SendAsync(data)..];
    }

    public void Dispose() => socket.Dispose();

    /// <summary>Moves the unread bytes to the front and reads more after them.</summary>
    protected async Task FillAsync()
    {
        if (Start > 0)
        {
            System.Buffer.BlockCopy(Buffer, Start, Buffer, 0, End - Start);
            End -= Start;
            Start = 0;
        }
        var read = await socket.ReceiveAsync(Buffer.AsMemory(End));
        if (read == 0)
            throw new IOException("the server closed the connection");
        End += read;
    }
}
