"""The report's words: Chinese names of the contract's codes, and the page's headings."""

from __future__ import annotations

# Canonical names of level codes (the normalize vocabulary maps the variants onto these codes).
LEVEL1 = {
    "output": "产出指标",
    "cost": "成本指标",
    "benefit": "效益指标",
    "satisfaction": "满意度指标",
}

LEVEL2 = {
    "quantity": "数量指标",
    "quality": "质量指标",
    "timeliness": "时效指标",
    "cost": "成本指标",
    "economic_cost": "经济成本指标",
    "social_cost": "社会成本指标",
    "ecological_cost": "生态环境成本指标",
    "economic": "经济效益指标",
    "social": "社会效益指标",
    "ecological": "生态效益指标",
    "sustainable": "可持续影响指标",
    "satisfaction": "服务对象满意度指标",
}

KINDS = {
    "number": "数值",
    "percent": "百分比",
    "date": "日期",
    "text": "文字",
    "empty": "空白",
    "status": "完成情况",
}

UNKNOWN = "未识别"
NONE = "未注明"

# Headings and column names, Chinese first for the clerk, English for the developer beside them.
TEXT = {
    "title": "绩效目标数据报告",
    "subtitle": "jixiao report",
    "generated": "生成时间 generated",
    "database": "数据库 database",
    "summary": "概况 · Summary",
    "documents": "文档 documents",
    "versions": "版本 versions",
    "projects": "项目 projects",
    "indicators": "指标 indicators",
    "warnings": "警告 warnings",
    "untyped": "未识别的值 untyped values",
    "failed_files": "读取失败的文件 failed files",
    "current_note": "项目和指标只计当前版本 (projects and indicators of current versions)",
    "by_group": "按部门和年度 · By department and year",
    "department": "部门 department",
    "year": "年度 year",
    "key": "文档键 document key",
    "version": "版本 version",
    "current": "当前 current",
    "superseded": "已替换 superseded",
    "file": "文件 file",
    "ingested": "导入时间 ingested (UTC)",
    "charts": "指标分布 · Indicators",
    "chart_category": "按一级/二级指标 by level1 / level2",
    "chart_kind": "按值的类型 by kind of value",
    "untyped_title": "需要人工查看的值 · Values left untyped",
    "untyped_note": "这些值没有规则能识别：请修改原文或申请新规则。表格和行从 1 起算。"
                    " (No rule could type these values: fix the source or ask for a new rule."
                    " Tables and rows count from 1.)",
    "warnings_title": "全部警告 · All warnings",
    "failures_title": "未能导入的文件 · Files that could not be loaded",
    "table": "表格 table",
    "row": "行 row",
    "project": "项目 project",
    "indicator": "指标 indicator",
    "raw": "原文 as written",
    "message": "说明 message",
    "code": "代码 code",
    "path": "路径 path",
    "error": "错误 error",
    "at": "时间 at (UTC)",
    "none_found": "无 · none",
}
