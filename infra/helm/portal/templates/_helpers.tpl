{{/* Names and labels shared by every template. */}}

{{- define "portal.fullname" -}}
{{- if .Values.fullnameOverride -}}
{{- .Values.fullnameOverride | trunc 40 | trimSuffix "-" -}}
{{- else -}}
{{- .Release.Name | trunc 40 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{- define "portal.labels" -}}
app.kubernetes.io/part-of: portal
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
{{- end -}}

{{/* Labels that select one process's pods: pass (dict "root" $ "name" $name "proc" $proc). */}}
{{- define "portal.selectorLabels" -}}
app.kubernetes.io/name: {{ .proc.app }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .name }}
{{- end -}}

{{/* A process's settings: processDefaults overlaid with its own entry. */}}
{{- define "portal.process" -}}
{{- $merged := mergeOverwrite (deepCopy .root.Values.processDefaults) (deepCopy .proc) -}}
{{- toYaml $merged -}}
{{- end -}}

{{- define "portal.secretName" -}}
{{- default (printf "%s-secrets" (include "portal.fullname" .)) .Values.secrets.name -}}
{{- end -}}

{{- define "portal.image" -}}
{{- $img := .root.Values.image -}}
{{- printf "%s/%s%s:%s" $img.registry $img.namePrefix .app (default .root.Chart.AppVersion $img.tag) -}}
{{- end -}}

{{/* "true" when a process entry is enabled (processes are, unless they say enabled: false). */}}
{{- define "portal.enabled" -}}
{{- if or (not (hasKey . "enabled")) .enabled -}}true{{- end -}}
{{- end -}}
