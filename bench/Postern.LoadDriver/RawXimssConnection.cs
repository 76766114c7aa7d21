using System.Net.Sockets;
using System.Text;

namespace Postern.LoadDriver;

/// <summary>A bare XIMSS TCP connection: frames out, zero-terminated messages in, nothing else.</summary>
internal sealed class RawXimssConnection : RawConnection
{
    private RawXimssConnection(Socket socket)
        : base(socket)
    {
    }

    public static async Task<RawXimssConnection> ConnectAsync(int port) => new(await ConnectSocketAsync(port));

    /// <summary>Reads messages until <paramref name="count"/> zero bytes have passed; returns the last message.</summary>
    public async Task<string> ReceiveMessagesAsync(int count)
    {
        var last = "";
        while (count > 0)
        {
            var zero = Array.IndexOf(Buffer, (byte)0, Start, End - Start);
            if (zero >= 0)
            {
                if (count == 1)
                    last = Encoding.UTF8.GetString(Buffer, Start, zero - Start);
                Start = zero + 1;
                count--;
                continue;
            }
            await FillAsync();
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

    private static void Check(string response)
    {
        if (response != "<response id=\"l\"/>")
            throw new InvalidOperationException("login failed: " + response);
    }
}
