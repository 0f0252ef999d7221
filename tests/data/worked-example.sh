# The commands of shared/WORKED-EXAMPLE.md, replayed by tests/worked_example.rs and examples/quickstart.sh.
stdtrack add-unit --name 示例单位1有限公司 --kind enterprise --uscc 91500107186265962P
stdtrack add-unit --name 示例机构2 --kind association --uscc 915001079007938946
stdtrack add-unit --name 示例单位3有限公司 --kind enterprise --uscc 91500107162146918D
stdtrack add-unit --name 示例单位4有限公司 --kind enterprise --uscc 91500107614526023H
stdtrack add-unit --name 示例机构5 --kind association --uscc 91500107306953285D
stdtrack add-unit --name 示例单位6有限公司 --kind enterprise
stdtrack add-standard --title 标准 --action revise --number 'T/CAS 40000-2014' --lead 2
stdtrack add-standard --title 标准 --action revise --level industry --lead 5 --participant 3 --participant 4
stdtrack add-standard --title 标准 --action formulate --level international --lead 1 --participant 3 --participant 4
stdtrack add-standard --title 标准 --action formulate --number 'GB/T 40003-2012' --published 2012-01-24 --lead 5 --participant 1 --participant 3
stdtrack add-standard --title 标准 --action formulate --number 'T/CAS 40004-2013' --published 2013-03-04 --lead 4 --participant 3
stdtrack add-standard --title 标准 --action formulate --number 'ISO 40005:2016' --published 2016-04-09 --lead 6
stdtrack add-standard --title 标准 --action formulate --number 'DB50/T 40006-2014' --lead 2 --participant 5
stdtrack add-standard --title 标准 --action formulate --level national --participant 6
stdtrack add-standard --title 标准 --action formulate --number 'JB/T 40008-2013' --published 2013-09-05 --lead 5
stdtrack add-standard --title 标准 --action formulate --number 'GB/T 40009-2013' --published 2013-04-12 --participant 1 --participant 6
stdtrack add-standard --title 标准 --action formulate --number 'ISO 40010:2015' --published 2015-06-09 --participant 2 --participant 4
stdtrack add-standard --title 标准 --action formulate --number 'T/CAS 40011-2014' --lead 5 --participant 4
stdtrack add-filing --unit 3 --number 'Q/JLP 001-2013' --title 企业标准 --filing-no 50107-00000 --filed 2013-09-05
stdtrack add-filing --unit 6 --number 'Q/JLP 002-2013' --title 企业标准 --filing-no 50107-00001 --filed 2016-02-21
stdtrack add-filing --unit 1 --number 'Q/JLP 003-2013' --title 企业标准 --filing-no 50107-00002 --filed 2011-06-11
stdtrack add-filing --unit 6 --number 'Q/JLP 004-2013' --title 企业标准 --filing-no 50107-00003 --filed 2014-12-04
stdtrack add-filing --unit 1 --number 'Q/JLP 005-2013' --title 企业标准 --filing-no 50107-00004 --filed 2014-01-20
stdtrack add-filing --unit 1 --number 'Q/JLP 006-2013' --title 企业标准 --filing-no 50107-00005 --filed 2014-11-14
stdtrack add-filing --unit 3 --number 'Q/JLP 007-2013' --title 企业标准 --filing-no 50107-00006 --filed 2011-09-03
stdtrack add-filing --unit 1 --number 'Q/JLP 008-2013' --title 企业标准 --filing-no 50107-00007 --filed 2013-05-24
stdtrack add-filing --unit 1 --number 'Q/JLP 009-2013' --title 企业标准 --filing-no 50107-00008 --filed 2014-05-02
stdtrack add-filing --unit 3 --number 'Q/JLP 010-2013' --title 企业标准 --filing-no 50107-00009 --filed 2013-05-11
stdtrack add-filing --unit 3 --number 'Q/JLP 011-2013' --title 企业标准 --filing-no 50107-00010 --filed 2014-11-17
stdtrack add-filing --unit 1 --number 'Q/JLP 012-2013' --title 企业标准 --filing-no 50107-00011 --filed 2014-07-11
stdtrack add-filing --unit 4 --number 'Q/JLP 013-2013' --title 企业标准 --filing-no 50107-00012 --filed 2014-09-27
stdtrack add-filing --unit 1 --number 'Q/JLP 014-2013' --title 企业标准 --filing-no 50107-00013 --filed 2011-08-07
stdtrack add-review --unit 3 --number 'Q/JLP 001-2013' --reviewed 2015-07-09 --outcome revise
stdtrack add-review --unit 4 --number 'Q/JLP 002-2013' --reviewed 2014-10-20 --outcome confirm
stdtrack add-review --unit 6 --number 'Q/JLP 003-2013' --reviewed 2015-03-14 --outcome abolish
stdtrack add-review --unit 4 --number 'Q/JLP 004-2013' --reviewed 2014-07-29 --outcome revise
stdtrack add-review --unit 6 --number 'Q/JLP 005-2013' --reviewed 2012-11-24 --outcome abolish
stdtrack add-review --unit 3 --number 'Q/JLP 006-2013' --reviewed 2014-12-09 --outcome confirm
stdtrack add-award --unit 1 --kind cq-innovation --awarded 2014-06-30
stdtrack add-award --unit 5 --kind cq-innovation --awarded 2012-07-12
stdtrack add-award --unit 5 --kind cq-product --awarded 2015-12-20
stdtrack add-award --unit 1 --kind cq-product --awarded 2014-01-24
stdtrack add-award --unit 6 --kind cq-innovation --awarded 2014-05-17
stdtrack add-award --unit 3 --kind cq-innovation --awarded 2012-01-04
stdtrack add-project --unit 4 --name 项目0 --passed 2014-06-08
stdtrack add-project --unit 1 --name 项目1 --passed 2011-12-19
stdtrack add-project --unit 6 --name 项目2 --passed 2013-08-29
stdtrack add-project --unit 1 --name 项目3 --passed 2012-08-11
stdtrack add-committee --unit 4 --committee 'SAC/TC 100' --role member --since 2014-01-10
stdtrack add-committee --unit 1 --committee 'SAC/TC 101' --role secretariat --since 2012-02-28
stdtrack add-committee --unit 6 --committee 'SAC/TC 102' --role secretariat --since 2015-07-13
stdtrack add-committee --unit 6 --committee 'SAC/TC 103' --role member --since 2014-12-21
stdtrack add-committee --unit 5 --committee 'SAC/TC 104' --role member --since 2015-10-05
stdtrack add-meeting --held 2012-10-11
stdtrack add-meeting --held 2013-10-24
stdtrack add-meeting --held 2014-10-15
stdtrack add-meeting --held 2014-10-31
stdtrack add-meeting --held 2014-11-18
stdtrack add-meeting --held 2014-12-03
