namespace Postern.Mime.Writing;

/// <summary>An embedded message (message/rfc822): a forwarded message, as stored bytes or as one being composed.</summary>
public sealed class ComposedMessagePart : ComposedPart
{
    /// <summary>Embeds a message as it is stored.</summary>
    public ComposedMessagePart(ReadOnlyMemory<byte> rawMessage) => RawMessage = rawMessage;

    /// <summary>Embeds a message being composed.</summary>
    public ComposedMessagePart(ComposedMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        Message = message;
    }

    /// <summary>The stored message's bytes, when embedding one.</summary>
    public ReadOnlyMemory<byte> RawMessage { get; }

    /// <summary>The composed message, when embedding one.</summary>
    public ComposedMessage? Message { get; }

    /// <inheritdoc/>
    public override string MediaType => "message";

    /// <inheritdoc/>
    public override string MediaSubtype => "rfc822";
}
