namespace Lab.Orchestrator.Ssh;

/// <summary>How to reach a board over SSH.</summary>
/// <param name="Host">Host name or address; for QEMU boards always 127.0.0.1.</param>
/// <param name="Port">TCP port.</param>
/// <param name="PrivateKeyPath">The lab user key (OpenSSH format, ed25519).</param>
/// <param name="HostKeySha256">The pinned host key fingerprint, <c>SHA256:base64</c> (the prefix is optional).</param>
/// <param name="User">Login name.</param>
internal sealed record BoardSshOptions(string Host, int Port, string PrivateKeyPath, string HostKeySha256, string User = "root")
{
    /// <summary>Limit for the TCP connect + SSH handshake + authentication.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(15);
}
