namespace Postern.Ximss.Protocol.DataMessages;

/// <summary>The contents of a <c>features</c> data message, the answer to <c>listFeatures</c> (docs/ximss.md §7.3).</summary>
public sealed record FeatureSet
{
    /// <summary>The domain the features are for.</summary>
    public string? Domain { get; init; }

    /// <summary><c>&lt;starttls/&gt;</c>: TLS can be started on this channel (a clear TCP connection with a certificate configured).</summary>
    public bool StartTls { get; init; }

    /// <summary>SASL mechanism names, in order of preference.</summary>
    public IReadOnlyList<string> SaslMechanisms { get; init; } = [];

    /// <summary>The <c>&lt;nonce&gt;</c> used by HTTP CRAM-MD5 logins (docs/ximss.md §2).</summary>
    public string? Nonce { get; init; }

    /// <summary>User-interface languages offered.</summary>
    public IReadOnlyList<string> Languages { get; init; } = [];

    /// <summary><c>&lt;signup/&gt;</c>: self-registration is allowed.</summary>
    public bool Signup { get; init; }
}
