namespace Postern.Ximss.Protocol.Sasl;

/// <summary>One step of a <see cref="SaslServerExchange"/>.</summary>
public readonly struct SaslStep
{
    private SaslStep(SaslStepKind kind, byte[]? challenge, SaslCredentials? credentials, XimssError? error)
    {
        Kind = kind;
        Challenge = challenge;
        Credentials = credentials;
        Error = error;
    }

    /// <summary>What to do next.</summary>
    public SaslStepKind Kind { get; }

    /// <summary>For <see cref="SaslStepKind.Challenge"/>: the raw challenge (write it with <c>WriteChallenge</c>, which base64-encodes it).</summary>
    public byte[]? Challenge { get; }

    /// <summary>For <see cref="SaslStepKind.Completed"/>: what the client claims.</summary>
    public SaslCredentials? Credentials { get; }

    /// <summary>For <see cref="SaslStepKind.Failed"/>: the error to answer with.</summary>
    public XimssError? Error { get; }

    internal static SaslStep Challenged(byte[] challenge) => new(SaslStepKind.Challenge, challenge, null, null);

    internal static SaslStep Completed(SaslCredentials credentials) => new(SaslStepKind.Completed, null, credentials, null);

    internal static SaslStep Failed(XimssError error) => new(SaslStepKind.Failed, null, null, error);
}
