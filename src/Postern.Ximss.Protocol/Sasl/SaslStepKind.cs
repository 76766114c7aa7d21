namespace Postern.Ximss.Protocol.Sasl;

/// <summary>What a <see cref="SaslServerExchange"/> step asks the server to do next.</summary>
public enum SaslStepKind
{
    /// <summary>Send <see cref="SaslStep.Challenge"/> to the client and wait for its <c>auth</c>.</summary>
    Challenge,

    /// <summary>The exchange is over; check <see cref="SaslStep.Credentials"/>.</summary>
    Completed,

    /// <summary>The exchange failed or was cancelled; answer with <see cref="SaslStep.Error"/>.</summary>
    Failed,
}
