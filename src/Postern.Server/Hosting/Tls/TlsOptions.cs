namespace Postern.Server.Hosting.Tls;

/// <summary>
/// The server's TLS certificate (configuration section <c>Postern:Tls</c>): a PKCS#12 file
/// (<c>.pfx</c>/<c>.p12</c>, with <see cref="Password"/> if it has one), or a PEM certificate with its PEM
/// key. Without one, a self-signed certificate is generated in the data directory on first start.
/// </summary>
public sealed class TlsOptions
{
    /// <summary>The certificate file; relative paths are relative to the data directory.</summary>
    public string Certificate { get; set; } = "";

    /// <summary>The PEM private key file, when <see cref="Certificate"/> is PEM.</summary>
    public string Key { get; set; } = "";

    /// <summary>The PKCS#12 file's password, or the PEM key's when it is encrypted.</summary>
    public string Password { get; set; } = "";
}
