#if !NET
// net48 (the armv7 agent under Mono) lacks the type the compiler needs for init-only setters and records.
namespace System.Runtime.CompilerServices;

internal static class IsExternalInit
{
}
#endif
