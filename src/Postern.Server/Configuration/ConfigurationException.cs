namespace Postern.Server.Configuration;

/// <summary>A configuration value (file, environment or option) is unusable; the message names it.</summary>
public sealed class ConfigurationException(string message) : Exception(message);
