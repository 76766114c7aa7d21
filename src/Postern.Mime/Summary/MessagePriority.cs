namespace Postern.Mime.Summary;

/// <summary>A message's priority as a folder view shows it (XIMSS <c>Pty</c>: <c>High</c> or <c>Low</c>).</summary>
public enum MessagePriority
{
    /// <summary>No priority, or normal priority.</summary>
    Normal,

    /// <summary>High or urgent.</summary>
    High,

    /// <summary>Low or non-urgent.</summary>
    Low,
}
