namespace Postern.Ximss.Engine;

/// <summary>How a XIMSS client talks to the server.</summary>
public enum XimssTransport
{
    /// <summary>Zero-terminated messages over a TCP connection (the XIMSS ports, or the HTTP port after a first <c>&lt;</c>).</summary>
    Tcp,

    /// <summary>The HTTP binding: <c>&lt;XIMSS&gt;</c> bodies to <c>/ximsslogin/</c> and <c>/Session/&lt;id&gt;/…</c>.</summary>
    Http,
}
