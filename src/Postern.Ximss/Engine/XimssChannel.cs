using System.Net;
using Postern.Ximss.Protocol.Sasl;
using Postern.Ximss.Sessions;

namespace Postern.Ximss.Engine;

/// <summary>What the transport tells the channel to do once the current response is sent.</summary>
public enum ChannelFollowUp
{
    None,

    /// <summary>Start the TLS handshake (<c>starttls</c> succeeded).</summary>
    StartTls,

    /// <summary>Close the connection (<c>bye</c>).</summary>
    Close,
}

/// <summary>
/// One client connection as the operations see it: where it comes from, whether it is secure, and the
/// session it holds once logged in. A TCP connection is one channel for its whole life; each HTTP
/// request is a short-lived channel of its own.
/// </summary>
public sealed class XimssChannel
{
    internal XimssChannel(XimssTransport transport, IPAddress remoteAddress, DateTimeOffset connected, int number = 0)
    {
        Transport = transport;
        RemoteAddress = remoteAddress.IsIPv4MappedToIPv6 ? remoteAddress.MapToIPv4() : remoteAddress;
        Connected = connected;
        Number = number;
    }

    public XimssTransport Transport { get; }

    /// <summary>The client's address (IPv4-mapped addresses are shown as IPv4).</summary>
    public IPAddress RemoteAddress { get; }

    /// <summary>When the connection was opened.</summary>
    public DateTimeOffset Connected { get; }

    /// <summary>The channel's number in listener records (TCP); 0 for HTTP requests.</summary>
    public int Number { get; }

    /// <summary>True when the connection is encrypted (TLS port, or after <c>starttls</c>).</summary>
    public bool IsSecure { get; internal set; }

    /// <summary>True when <c>starttls</c> can be offered: a clear TCP connection and a server certificate.</summary>
    public bool CanStartTls { get; internal set; }

    /// <summary>True when login operations may run here (TCP); an HTTP pre-login body cannot log in (docs/ximss.md §2).</summary>
    public bool CanLogin => Transport == XimssTransport.Tcp;

    /// <summary>The domain of login names given without <c>@domain</c>: the HTTP host when it is a domain of this server; null for the main domain.</summary>
    public string? DefaultDomain { get; internal set; }

    /// <summary>The session, once logged in.</summary>
    public XimssSession? Session { get; internal set; }

    /// <summary>What the operation in progress is, before login (afterwards the session's status is shown).</summary>
    public ActivityStatus Activity { get; } = new();

    /// <summary>Set by an operation for the transport to act on after the response.</summary>
    public ChannelFollowUp FollowUp { get; internal set; }

    /// <summary>Where the asynchronous messages of a session created on this channel go (the TCP connection); null for HTTP.</summary>
    internal IXimssAsyncSink? AsyncSink { get; set; }

    /// <summary>The SASL exchange in progress, with the id of the request that started it.</summary>
    internal (string Id, SaslServerExchange Exchange)? Sasl { get; set; }
}
