using System.ComponentModel;

namespace Lab.Orchestrator.Core.Config;

/// <summary>How to reach a board over SSH.</summary>
public sealed record SshConfig
{
    /// <summary>The value of <see cref="HostKey"/> that pins the key of an image the lab built itself.</summary>
    public const string PinOnFirstBoot = "pin-on-first-boot";

    /// <summary>Host name or address.</summary>
    [Description("Host name or address. qemu boards: 127.0.0.1.")]
    public string Host { get; init; } = "127.0.0.1";

    /// <summary>Port; 0 on a qemu board picks a free loopback port.</summary>
    [Description("TCP port, 1-65535; 0 on qemu boards picks a free loopback port.")]
    public int Port { get; init; }

    /// <summary>Login user.</summary>
    [Description("Login user.")]
    public string User { get; init; } = "root";

    /// <summary>Private key file; default the lab's own key (generated on first use).</summary>
    [Description("Private key file, relative to lab.json or ~/. Default: the lab key, generated on first use.")]
    public string? KeyFile { get; init; }

    /// <summary>Pinned host key: <c>SHA256:...</c>, or <c>pin-on-first-boot</c> for images the lab builds.</summary>
    [Description("Pinned host key fingerprint 'SHA256:<base64>', or 'pin-on-first-boot' (qemu boards, images the lab builds).")]
    public string HostKey { get; init; } = PinOnFirstBoot;
}
