namespace Postern.Mime.Writing;

/// <summary>How <see cref="MessageWriter"/> fills in what a composed message leaves unset.</summary>
public sealed record MessageWriterOptions
{
    /// <summary>The defaults described on each property.</summary>
    public static MessageWriterOptions Default { get; } = new();

    /// <summary>The domain part of generated Message-IDs (RFC 5322 §3.6.4 asks for a domain that makes them unique). Default "localhost".</summary>
    public string MessageIdDomain { get; init; } = "localhost";

    /// <summary>The clock for a missing Date.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
